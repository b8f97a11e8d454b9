/*
 * Shelf widget loader. Paste where the widget should appear:
 *   <script src="https://your-shelf.example/embed.js" data-kind="book" data-limit="5" data-theme="auto" async></script>
 * Options (data-*): kind (comma list), limit (1-50), theme (light, dark, auto), layout (list, grid),
 * covers, ratings, reviews, now (1 or 0; now shows what is in progress). It inserts an iframe of /embed right after this tag and keeps
 * it as tall as its content, listening only to messages from that iframe. No globals, no dependencies.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !window.URL || !window.URLSearchParams) return;

  var origin = new URL(script.src, document.baseURI).origin;
  var names = ['kind', 'limit', 'theme', 'layout', 'covers', 'ratings', 'reviews', 'now'];
  var query = new URLSearchParams();
  for (var i = 0; i < names.length; i++) {
    var value = script.getAttribute('data-' + names[i]);
    if (value !== null) query.set(names[i], value);
  }
  var search = query.toString();

  var iframe = document.createElement('iframe');
  iframe.src = origin + '/embed' + (search ? '?' + search : '');
  iframe.title = script.getAttribute('data-title') || 'Recently finished';
  iframe.setAttribute('scrolling', 'no');
  iframe.setAttribute('loading', 'lazy');
  iframe.style.cssText = 'display:block;width:100%;max-width:100%;height:160px;border:0;overflow:hidden';
  script.parentNode.insertBefore(iframe, script.nextSibling);

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== 'shelf:embed-height' || typeof data.height !== 'number') return;
    var height = Math.ceil(data.height);
    if (height >= 0 && height <= 100000) iframe.style.height = height + 'px';
  });

  // Once the frame has loaded the widget, ask for its height (in case it reported before this
  // listened). Only then: before, the frame is still about:blank, and a message addressed to the
  // widget's origin would be refused with an error in the host page's console.
  iframe.addEventListener('load', function () {
    if (iframe.contentWindow) iframe.contentWindow.postMessage({ type: 'shelf:embed-hello' }, origin);
  });
})();
