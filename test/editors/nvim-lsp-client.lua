-- A real editor as specroles-ls's client: Neovim's built-in LSP client, headless, driven by a plan of steps.
-- test/editors/neovim.test.ts writes the plan (JSON) and runs
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/editors/nvim-lsp-client.lua'
-- with SPECROLES_NVIM_PLAN=/path/plan.json; this script writes what it saw to the plan's `out` (JSON) and
-- exits 0 (every step passed), 1 (a step failed), 2 (a wait timed out) or 3 (an error in this script).
--
-- Modelled on the team's headless Neovim 0.7 LSP check (shared editors reference, neovim/lsp-check.lua):
-- its shape (start_client + buf_attach_client, raw publishDiagnostics captured beside vim.diagnostic,
-- xpcall + :cquit N so that a Lua error never leaves nvim running) and its notes on the 0.7 API. Unlike it,
-- requests are made as Neovim's own commands make them (the cursor placed, then make_position_params /
-- make_range_params and the line's diagnostics from vim.diagnostic, as vim.lsp.buf.hover() and
-- vim.lsp.buf.code_action() do), so what is tested is what a user's keystroke sends.
--
-- Written against Neovim 0.7 (Debian 12's 0.7.2): vim.lsp.start_client (vim.lsp.start came in 0.8),
-- vim.lsp.diagnostic.get_line_diagnostics (deprecated in 0.10), vim.loop (vim.uv in 0.10).
--
-- The plan: { cmd = [...], root = dir, out = file, timeout_ms = n, settings = {...}, steps = [...] }, each
-- step { ["do"] = name, ... }:
--   open            file                     :edit the file and attach the client to its buffer
--   diagnostic      file, code?, message?, line?, as?   wait until the file's last publish holds a
--                                            diagnostic matching (code exact, message a Lua pattern, line 0-based)
--   hover           file, line, character    the cursor there, then textDocument/hover as vim.lsp.buf.hover() asks
--   code_action     file, diagnostic (an `as`), title (Lua pattern)   the cursor on that diagnostic, the
--                                            code actions for its line, the matching one applied
--   execute         file, command, arguments   workspace/executeCommand (its edits come back as workspace/applyEdit)
--   write           file                     :write the buffer (didSave)
--   gone            file, diagnostic (an `as`)   wait for a publish, after the last code action or command, without it
--   log             message (Lua pattern)    wait for a window/logMessage matching it
local uv = vim.loop
local t0 = uv.hrtime()
local function ms() return math.floor((uv.hrtime() - t0) / 1e6) end
local function say(...) io.stdout:write(string.format('[nvim %5d ms] ', ms()), table.concat(vim.tbl_map(tostring, { ... }), ' '), '\n') end

local plan_path = os.getenv('SPECROLES_NVIM_PLAN')
local plan = vim.json.decode(table.concat(vim.fn.readfile(plan_path), '\n'))
local TIMEOUT = plan.timeout_ms or 30000

local out = {
  nvim = string.format('%d.%d.%d', vim.version().major, vim.version().minor, vim.version().patch),
  steps = {},
  published = {}, -- every publishDiagnostics: { ms, uri, version, diagnostics (raw LSP, `data` kept) }
  logs = {}, -- window/logMessage and window/showMessage: { ms, type, message }
  statuses = {}, -- specroles/status notifications
  times = {},
}
local client_id, client
local exited = nil

local function finish(code, why)
  out.exit = code
  out.reason = why
  out.total_ms = ms()
  -- Stop the server as Neovim does on exit (shutdown, exit; kill if it lingers) and record how it ended.
  if client_id and not exited then
    vim.lsp.stop_client(client_id)
    vim.wait(5000, function() return exited ~= nil end, 20)
    if not exited then
      vim.lsp.stop_client(client_id, true)
      vim.wait(2000, function() return exited ~= nil end, 20)
    end
  end
  out.server_exit = exited
  local f = io.open(plan.out, 'w')
  f:write(vim.json.encode(out))
  f:close()
  say(code == 0 and 'PASS' or 'FAIL', why or '')
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code)) -- 0.7's :cquit takes the exit status as a count
end

-- A failed step or a timeout ends the run: error() with a marker that the xpcall below turns into the status.
local Stop = {}
local function stop(code, why) error(setmetatable({ code = code, why = why }, Stop), 0) end
local function step(name, ok, detail)
  table.insert(out.steps, { name = name, ok = ok, ms = ms(), detail = detail })
  say(ok and 'ok  ' or 'FAIL', name, detail ~= nil and vim.inspect(detail):gsub('%s+', ' '):sub(1, 400) or '')
  if not ok then stop(1, name) end
end
local function wait(what, cond)
  if not vim.wait(TIMEOUT, function() return cond() or exited ~= nil end, 10) then stop(2, 'timeout: ' .. what .. ' after ' .. TIMEOUT .. ' ms') end
  if exited and not cond() then stop(1, 'server exited while waiting for ' .. what .. ': ' .. vim.inspect(exited)) end
end

local LANG = { md = 'markdown', markdown = 'markdown', yaml = 'yaml', yml = 'yaml', json = 'json' }
local function language_of(bufnr)
  return LANG[vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':e')] or 'plaintext'
end

local function buffer(file)
  local bufnr = vim.fn.bufnr(file)
  if bufnr == -1 then stop(3, 'no buffer for ' .. file .. ' (open it first)') end
  return bufnr
end

local function last_publish(uri, after)
  for i = #out.published, (after or 0) + 1, -1 do
    if out.published[i].uri == uri then return out.published[i], i end
  end
end

local function matches(d, want)
  return (want.code == nil or d.code == want.code)
    and (want.message == nil or d.message:match(want.message) ~= nil)
    and (want.line == nil or d.range.start.line == want.line)
end

-- The cursor on an LSP position (UTF-16 character → byte column), in the file's window.
local function place_cursor(bufnr, position)
  vim.api.nvim_set_current_buf(bufnr)
  local text = vim.api.nvim_buf_get_lines(bufnr, position.line, position.line + 1, false)[1] or ''
  local ok, col = pcall(vim.str_byteindex, text, position.character, true)
  vim.api.nvim_win_set_cursor(0, { position.line + 1, ok and col or position.character })
end

local function request(bufnr, method, params)
  local started = uv.hrtime()
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  local took = (uv.hrtime() - started) / 1e6
  if not res then stop(2, 'timeout: ' .. method .. ' (' .. tostring(err) .. ')') end
  local r = res[client_id] or {}
  if r.error then stop(1, method .. ' answered an error: ' .. vim.inspect(r.error)) end
  return r.result, took
end

local named = {} -- diagnostics kept by the name a step gave them (`as`)
local mark = 0 -- publishes before the last code action or command was applied

local actions = {}

function actions.open(s)
  vim.cmd('edit ' .. vim.fn.fnameescape(s.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('open ' .. vim.fn.fnamemodify(s.file, ':t'), vim.lsp.buf_is_attached(bufnr, client_id), { language = language_of(bufnr) })
end

function actions.diagnostic(s)
  local uri = vim.uri_from_fname(s.file)
  local found
  wait('a diagnostic ' .. vim.inspect(s.want) .. ' for ' .. uri, function()
    local p = last_publish(uri)
    if not p then return false end
    for _, d in ipairs(p.diagnostics) do
      if matches(d, s.want) then found = d; return true end
    end
    return false
  end)
  if s.as then named[s.as] = found end
  local p = last_publish(uri)
  out.times.first_diagnostics = out.times.first_diagnostics or p.ms
  step('diagnostic ' .. (s.as or ''), true, vim.tbl_map(function(d)
    return string.format('%d:%d %s %s', d.range.start.line + 1, d.range.start.character + 1, tostring(d.code), d.message:sub(1, 60))
  end, p.diagnostics))
end

function actions.hover(s)
  local bufnr = buffer(s.file)
  place_cursor(bufnr, { line = s.line, character = s.character })
  local result, took = request(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params()) -- as vim.lsp.buf.hover()
  local text = result and table.concat(vim.lsp.util.convert_input_to_markdown_lines(result.contents), '\n') or ''
  out.hover = { text = text, raw = result, ms = took }
  out.times.hover_round_trip = out.times.hover_round_trip or took
  step('hover', text ~= '', text)
end

function actions.code_action(s)
  local bufnr = buffer(s.file)
  local diag = named[s.diagnostic] or stop(3, 'no diagnostic named ' .. tostring(s.diagnostic))
  place_cursor(bufnr, diag.range.start)
  -- As vim.lsp.buf.code_action() asks in 0.7: the cursor's range, and the diagnostics of its line from
  -- vim.diagnostic, converted back to LSP (their `data` kept).
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local result, took = request(bufnr, 'textDocument/codeAction', params)
  result = result or {}
  local titles = vim.tbl_map(function(a) return a.title end, result)
  out.code_actions = out.code_actions or {}
  table.insert(out.code_actions, { titles = titles, ms = took, sent_diagnostics = params.context.diagnostics })
  out.times.code_action_round_trip = out.times.code_action_round_trip or took
  local chosen
  for _, a in ipairs(result) do
    if a.title:match(s.title) then chosen = a; break end
  end
  step('code actions', chosen ~= nil, titles)
  if not chosen.edit and not chosen.command and chosen.data then -- lazily resolved actions
    chosen = request(bufnr, 'codeAction/resolve', chosen) or chosen
  end
  mark = #out.published
  local started = uv.hrtime()
  if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding) end -- 0.7: the encoding is required
  if chosen.command then
    local c = type(chosen.command) == 'table' and chosen.command or chosen
    local offered = (client.server_capabilities.executeCommandProvider or {}).commands or {}
    -- A command the server does not offer would never be answered (0.7 waits for the whole timeout).
    if not vim.tbl_contains(offered, c.command) then stop(1, 'a client-side command: ' .. c.command) end
    request(bufnr, 'workspace/executeCommand', { command = c.command, arguments = c.arguments })
  end
  out.applied = out.applied or {}
  table.insert(out.applied, { title = chosen.title, edit = chosen.edit, ms = (uv.hrtime() - started) / 1e6 })
  step('applied', true, chosen.title)
end

function actions.execute(s)
  local bufnr = buffer(s.file)
  local offered = (client.server_capabilities.executeCommandProvider or {}).commands or {}
  if not vim.tbl_contains(offered, s.command) then stop(1, 'the server does not offer ' .. s.command) end
  mark = #out.published
  -- As vim.lsp.buf.execute_command() sends it; edits come back as workspace/applyEdit, which nvim applies.
  local result, took = request(bufnr, 'workspace/executeCommand', { command = s.command, arguments = s.arguments })
  out.executed = out.executed or {}
  table.insert(out.executed, { command = s.command, result = result, ms = took })
  step('execute ' .. s.command, true, result)
end

function actions.write(s)
  local bufnr = buffer(s.file)
  vim.api.nvim_buf_call(bufnr, function() vim.cmd('silent write') end)
  out.written = out.written or {}
  out.written[s.file] = table.concat(vim.fn.readfile(s.file), '\n')
  step('write ' .. vim.fn.fnamemodify(s.file, ':t'), not vim.bo[bufnr].modified)
end

function actions.gone(s)
  local uri = vim.uri_from_fname(s.file)
  local diag = named[s.diagnostic] or stop(3, 'no diagnostic named ' .. tostring(s.diagnostic))
  local function still(p)
    for _, d in ipairs(p.diagnostics) do
      if d.code == diag.code and d.message == diag.message then return true end
    end
    return false
  end
  wait(s.diagnostic .. ' gone from ' .. uri, function()
    local p = last_publish(uri, mark)
    return p ~= nil and not still(p)
  end)
  local p = last_publish(uri)
  step(s.diagnostic .. ' gone', true, #p.diagnostics .. ' left')
end

function actions.log(s)
  local found
  wait('a log message ' .. s.message, function()
    for _, l in ipairs(out.logs) do
      if l.message:match(s.message) then found = l; return true end
    end
    return false
  end)
  step('log', true, found.message)
end

local function main()
  say('plan', plan_path)
  client_id = vim.lsp.start_client({
    name = 'specroles',
    cmd = plan.cmd,
    root_dir = plan.root,
    settings = plan.settings or vim.empty_dict(),
    get_language_id = function(bufnr) return language_of(bufnr) end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
        table.insert(out.published, { ms = ms(), uri = res.uri, version = res.version, diagnostics = res.diagnostics })
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, res, ctx, config) -- vim.diagnostic stays in sync
      end,
      ['window/logMessage'] = function(_, res)
        table.insert(out.logs, { ms = ms(), type = res.type, message = res.message })
      end,
      ['window/showMessage'] = function(_, res)
        table.insert(out.logs, { ms = ms(), type = res.type, message = res.message, shown = true })
      end,
      ['specroles/status'] = function(_, res)
        table.insert(out.statuses, { ms = ms(), uri = res.uri, status = res.status })
      end,
    },
    on_init = function(c, result)
      out.server_info = result.serverInfo
      out.client_declares_configuration = (c.config.capabilities or vim.lsp.protocol.make_client_capabilities()).workspace.configuration == true
      -- 0.7 does not declare workspace/configuration (so the server does not ask) and sends no settings of
      -- its own accord: send them, as nvim-lspconfig does and docs/editors.md says.
      c.notify('workspace/didChangeConfiguration', { settings = c.config.settings })
    end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then stop(1, 'start_client returned nil (cannot spawn ' .. vim.inspect(plan.cmd) .. ')') end
  client = vim.lsp.get_client_by_id(client_id)
  out.server = { pid = client.rpc.pid }
  out.times.client_started = ms()
  -- start_client sends `initialize` at once; `initialized` is set when the server has answered it.
  wait('initialized', function() return client.initialized end)
  out.times.initialized = ms()
  step('initialized', true, { server = out.server_info, offset_encoding = client.offset_encoding })
  for _, s in ipairs(plan.steps) do
    local act = actions[s['do']] or stop(3, 'unknown step ' .. tostring(s['do']))
    act(s)
  end
  finish(0)
end

local ok, err = xpcall(main, function(e)
  if getmetatable(e) == Stop then return e end
  return { code = 3, why = 'script error: ' .. debug.traceback(tostring(e), 2) }
end)
if not ok then
  local finished, e2 = pcall(finish, err.code, err.why)
  if not finished then io.stderr:write(tostring(e2), '\n') end
  vim.cmd('cquit ' .. err.code)
end
