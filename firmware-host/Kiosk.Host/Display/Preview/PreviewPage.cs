namespace Kiosk.Host.Display.Preview;

/// <summary>
/// The preview page: the live frame and the exhibit's five buttons. Home held for 800 ms sends the long press,
/// as the GPIO Home button does. Arrow keys, Enter, Backspace/Escape and H work too, and the presenter keys (Page Down/Up, B, ., F5, 1–5).
/// </summary>
internal static class PreviewPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kiosk preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; background: #0b1016; color: #f3efe6; font: 16px system-ui, sans-serif; display: flex; flex-direction: column; align-items: center; }
  #frame { max-width: 100vw; max-height: calc(100vh - 90px); image-rendering: auto; background: #000; margin-top: 8px; }
  #buttons { display: flex; gap: 10px; margin: 12px; }
  button { font-size: 18px; padding: 10px 18px; border-radius: 8px; border: 1px solid #5b6e82; background: #1a2633; color: #f3efe6; cursor: pointer; }
  button:active { background: #e9a23b; color: #0b1016; }
  #status { position: fixed; right: 8px; bottom: 6px; font-size: 12px; color: #9aa7b4; }
</style>
</head>
<body>
<img id="frame" alt="kiosk display" data-sequence="0">
<div id="buttons">
  <button id="previous" data-command="previous">&#9664; Previous</button>
  <button id="select">Select (hold: large text)</button>
  <button id="next" data-command="next">Next &#9654;</button>
  <button id="back" data-command="back">Back</button>
  <button id="home">Home (hold: glossary)</button>
</div>
<div id="status">connecting…</div>
<script>
const img = document.getElementById('frame');
const status = document.getElementById('status');
let socket, pending = 0, url = null;
function connect() {
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  socket.binaryType = 'blob';
  socket.onopen = () => status.textContent = 'live';
  socket.onclose = () => { status.textContent = 'reconnecting…'; setTimeout(connect, 1000); };
  socket.onmessage = (e) => {
    if (typeof e.data === 'string') { pending = JSON.parse(e.data).sequence; return; }
    const next = URL.createObjectURL(e.data);
    img.onload = () => { if (url) URL.revokeObjectURL(url); url = next; img.dataset.sequence = String(pending); };
    img.src = next;
  };
}
function send(command) { if (socket && socket.readyState === 1) socket.send(command); }
document.querySelectorAll('button[data-command]').forEach(b => b.addEventListener('click', () => send(b.dataset.command)));
const home = document.getElementById('home');
let homeTimer = null, homeLong = false;
home.addEventListener('pointerdown', () => { homeLong = false; homeTimer = setTimeout(() => { homeLong = true; send('homelong'); }, 800); });
home.addEventListener('pointerup', () => { clearTimeout(homeTimer); if (!homeLong) send('home'); });
const select = document.getElementById('select');
let selectTimer = null, selectLong = false;
select.addEventListener('pointerdown', () => { selectLong = false; selectTimer = setTimeout(() => { selectLong = true; send('selectlong'); }, 800); });
select.addEventListener('pointerup', () => { clearTimeout(selectTimer); if (!selectLong) send('select'); });
document.addEventListener('keydown', (e) => {
  const map = { ArrowRight: 'next', ArrowDown: 'next', ' ': 'next', ArrowLeft: 'previous', ArrowUp: 'previous', Enter: 'select', Backspace: 'back', Escape: 'back', l: 'selectlong', L: 'selectlong', h: 'home', Home: 'home',
    PageDown: 'next', PageUp: 'previous', b: 'blank', '.': 'blank', F5: e.shiftKey ? 'back' : 'firstphase',
    1: 'case1', 2: 'case2', 3: 'case3', 4: 'case4', 5: 'case5' };
  if (map[e.key] && !e.repeat) { send(map[e.key]); e.preventDefault(); }
});
connect();
</script>
</body>
</html>
""";
}
