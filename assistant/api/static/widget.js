/* Bundlewise chat widget: one <script src=".../widget.js" data-site-key="pk_..." async></script> tag.
 * Dependency-free. Streams replies from POST /v1/chat over server-sent events (fetch + ReadableStream),
 * renders bundles as cards with an accept button, and is keyboard accessible (Enter sends, Escape
 * closes, focus moves into the panel and back to the bubble). Styles live in a shadow root so the
 * host page and the widget cannot restyle each other. */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector('script[src*="widget.js"][data-site-key]');
  if (!script || window.__bundlewiseWidget) { return; }
  window.__bundlewiseWidget = true;

  var siteKey = script.getAttribute("data-site-key") || "";
  var apiBase = script.getAttribute("data-api-base") || new URL(script.src, location.href).origin;
  var title = script.getAttribute("data-title") || "Shopping assistant";
  var storageKey = "bundlewise:conversation:" + siteKey;

  var css = [
    ":host{all:initial;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;color:#1d1d1f}",
    ".bubble{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;",
    "background:#2f5bea;color:#fff;display:flex;align-items:center;justify-content:center;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000}",
    ".bubble:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #ffb000;outline-offset:2px}",
    ".panel{position:fixed;right:20px;bottom:88px;width:min(380px,calc(100vw - 40px));height:min(560px,calc(100vh - 120px));",
    "background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);display:flex;flex-direction:column;z-index:2147483000}",
    ".panel[hidden]{display:none}",
    "header{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;background:#2f5bea;color:#fff;border-radius:12px 12px 0 0}",
    "header h2{font-size:15px;margin:0}",
    ".close{background:transparent;border:0;color:#fff;font-size:20px;cursor:pointer}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}",
    ".msg{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;line-height:1.35}",
    ".user{align-self:flex-end;background:#2f5bea;color:#fff}",
    ".bot{align-self:flex-start;background:#f0f2f7}",
    ".error{align-self:stretch;background:#fde8e8;color:#8a1c1c}",
    ".card{border:1px solid #d9dde7;border-radius:10px;padding:10px;background:#fff}",
    ".card h3{margin:0 0 6px;font-size:14px;text-transform:capitalize}",
    ".card ul{margin:0 0 6px;padding-left:18px}",
    ".price{font-weight:600}.list{color:#6b7080;text-decoration:line-through;margin-left:6px}",
    ".save{color:#137333;margin-left:6px}.why{margin:6px 0;color:#333}",
    ".accept{background:#137333;color:#fff;border:0;border-radius:6px;padding:6px 12px;cursor:pointer}",
    ".accept[aria-disabled=true]{background:#8aa;cursor:default}",
    "form{display:flex;gap:6px;padding:10px;border-top:1px solid #e5e7ee}",
    "input{flex:1;padding:8px;border:1px solid #c5cad6;border-radius:6px;font:inherit}",
    ".send{background:#2f5bea;color:#fff;border:0;border-radius:6px;padding:8px 12px;cursor:pointer}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
  ].join("");

  var host = document.createElement("div");
  host.id = "bundlewise-widget";
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML = '<style>' + css + '</style>' +
    '<button class="bubble" type="button" aria-haspopup="dialog" aria-expanded="false" ' +
    'aria-controls="bw-panel" aria-label="Open ' + escapeHtml(title) + '">' +
    '<svg aria-hidden="true" width="26" height="26" viewBox="0 0 24 24" fill="currentColor">' +
    '<path d="M6 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3H10l-5 4v-4.2A3 3 0 0 1 3 14V6a3 3 0 0 1 3-3z"/></svg></button>' +
    '<section class="panel" id="bw-panel" role="dialog" aria-label="' + escapeHtml(title) + '" hidden>' +
    '<header><h2>' + escapeHtml(title) + '</h2>' +
    '<button class="close" type="button" aria-label="Close ' + escapeHtml(title) + '">&times;</button></header>' +
    '<div class="log" role="log" aria-live="polite" aria-relevant="additions text"></div>' +
    '<form><label class="sr" for="bw-input">Message</label>' +
    '<input id="bw-input" name="message" autocomplete="off" maxlength="4000" placeholder="What are you shopping for?">' +
    '<button class="send" type="submit">Send</button></form></section>';
  (document.body || document.documentElement).appendChild(host);

  var bubble = root.querySelector(".bubble");
  var panel = root.querySelector(".panel");
  var closeButton = root.querySelector(".close");
  var log = root.querySelector(".log");
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var sendButton = root.querySelector(".send");
  var busy = false;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function money(amount, currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency: currency }).format(Number(amount));
    } catch (e) {
      return amount + " " + currency;
    }
  }

  function open() {
    panel.hidden = false;
    bubble.setAttribute("aria-expanded", "true");
    input.focus();
  }

  function close() {
    panel.hidden = true;
    bubble.setAttribute("aria-expanded", "false");
    bubble.focus();
  }

  bubble.addEventListener("click", function () { if (panel.hidden) { open(); } else { close(); } });
  closeButton.addEventListener("click", close);
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { event.preventDefault(); close(); }
  });

  function addMessage(kind, text) {
    var element = document.createElement("div");
    element.className = "msg " + kind;
    element.textContent = text;
    log.appendChild(element);
    log.scrollTop = log.scrollHeight;
    return element;
  }

  function headers(extra) {
    var all = { "X-Site-Key": siteKey };
    for (var name in extra) { all[name] = extra[name]; }
    return all;
  }

  function problemText(response) {
    return response.json().then(function (body) {
      return body && body.detail ? body.detail : "Something went wrong (" + response.status + ").";
    }, function () { return "Something went wrong (" + response.status + ")."; });
  }

  function renderCard(bundle) {
    var card = document.createElement("article");
    card.className = "card";
    card.setAttribute("aria-label", bundle.label + " bundle");
    var heading = document.createElement("h3");
    heading.textContent = bundle.label;
    card.appendChild(heading);
    var list = document.createElement("ul");
    bundle.items.forEach(function (item) {
      var entry = document.createElement("li");
      entry.textContent = item.title + " — " + money(item.unit_price, bundle.currency);
      list.appendChild(entry);
    });
    card.appendChild(list);
    var price = document.createElement("div");
    price.innerHTML = '<span class="price"></span><span class="list"></span><span class="save"></span>';
    price.querySelector(".price").textContent = money(bundle.bundle_price, bundle.currency);
    price.querySelector(".list").textContent = money(bundle.list_price, bundle.currency);
    price.querySelector(".list").setAttribute("aria-label", "list price " + money(bundle.list_price, bundle.currency));
    price.querySelector(".save").textContent = "Save " + money(bundle.savings, bundle.currency);
    card.appendChild(price);
    var why = document.createElement("p");
    why.className = "why";
    why.textContent = bundle.explanation || "";
    card.appendChild(why);
    var accept = document.createElement("button");
    accept.type = "button";
    accept.className = "accept";
    accept.textContent = "Accept";
    accept.setAttribute("aria-label", "Accept the " + bundle.label + " bundle for " + money(bundle.bundle_price, bundle.currency));
    accept.addEventListener("click", function () { acceptQuote(bundle, accept); });
    card.appendChild(accept);
    log.appendChild(card);
    log.scrollTop = log.scrollHeight;
    return { card: card, why: why };
  }

  // aria-disabled rather than disabled: a disabled button drops keyboard focus to the page body.
  function acceptQuote(bundle, button) {
    if (button.getAttribute("aria-disabled") === "true") { return; }
    button.setAttribute("aria-disabled", "true");
    fetch(apiBase + "/v1/quotes/" + encodeURIComponent(bundle.quote_id) + "/accept", {
      method: "POST", headers: headers({ "Accept": "application/json" })
    }).then(function (response) {
      if (!response.ok) {
        return problemText(response).then(function (text) {
          button.setAttribute("aria-disabled", "false");
          addMessage("error", text);
        });
      }
      return response.json().then(function (body) {
        button.textContent = "Accepted ✓";
        button.setAttribute("aria-label", "Accepted: the " + bundle.label + " bundle");
        addMessage("bot", "Accepted: " + bundle.label + " bundle at " + money(body.bundle_price, body.currency) + ".");
      });
    }).catch(function () {
      button.setAttribute("aria-disabled", "false");
      addMessage("error", "Network error: please try again.");
    });
  }

  function send(text) {
    busy = true;
    sendButton.disabled = true;
    addMessage("user", text);
    var body = { message: text };
    var conversationId = sessionStorage.getItem(storageKey);
    if (conversationId) { body.conversation_id = conversationId; }
    var reply = null;
    var cards = [];
    function handle(kind, data) {
      if (kind === "bundles" || kind === "done") {
        if (data.conversation_id) { sessionStorage.setItem(storageKey, data.conversation_id); }
        if (!reply) { reply = addMessage("bot", data.reply || ""); } else if (data.reply) { reply.textContent = data.reply; }
        if (cards.length === 0) { cards = (data.bundles || []).map(renderCard); }
        if (kind === "done") {
          (data.bundles || []).forEach(function (bundle, i) { if (cards[i]) { cards[i].why.textContent = bundle.explanation; } });
        }
      } else if (kind === "delta") {
        var target = cards[data.bundle_index];
        if (target) { target.why.textContent += data.text; }
      } else if (kind === "error") {
        addMessage("error", data.detail || "Something went wrong.");
      }
    }
    fetch(apiBase + "/v1/chat", {
      method: "POST",
      headers: headers({ "Content-Type": "application/json", "Accept": "text/event-stream" }),
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        if (response.status === 404) { sessionStorage.removeItem(storageKey); }
        return problemText(response).then(function (text) { addMessage("error", text); });
      }
      return readEvents(response, handle);
    }).catch(function () {
      addMessage("error", "Network error: please try again.");
    }).then(function () {
      busy = false;
      sendButton.disabled = false;
      input.focus();
    });
  }

  function readEvents(response, handle) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function dispatch(block) {
      var kind = "message", data = [];
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) { kind = line.slice(6).trim(); }
        else if (line.indexOf("data:") === 0) { data.push(line.slice(5).replace(/^ /, "")); }
      });
      if (data.length) { handle(kind, JSON.parse(data.join("\n"))); }
    }
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) { if (buffer.trim()) { dispatch(buffer); } return; }
        buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, "\n");
        var end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        return pump();
      });
    }
    return pump();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) { return; }
    input.value = "";
    send(text);
  });
})();
