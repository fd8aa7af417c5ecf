// The entry of dist/web/server.js, a classic script (iife) a Web Worker loads: the server on the worker's own scope.
import { startBrowserServer } from './browser';

declare const self: Parameters<typeof startBrowserServer>[0];
startBrowserServer(self);
