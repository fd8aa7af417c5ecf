// The entry of dist/ls.js, the language server bundled on its own: what the VS Code extension ships and starts.
import { runLanguageServer } from './node';

runLanguageServer();
