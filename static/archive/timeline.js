// The timeline's zoom and pan. The page draws the whole axis without this script; every drawn
// thing carries its days from the axis's origin (data-a, data-b), from which it is redrawn
// at the current scale (pixels a day) and offset (the first day in view). Written by hand:
// vis-timeline or D3 would add ~200 kB for a drawing this file redraws in ~150 lines.
(function () {
  "use strict";
  var DAY_MS = 86400000;
  var MIN_DAYS_IN_VIEW = 10;
  var MIN_TARGET = 24; // CSS pixels: WCAG 2.2's minimum target size
  var LABEL_CHAR = 6.5;
  var STEPS = [ // tick spacing by pixels a day: years, quarters, months, weeks, days
    { minScale: 0, months: 12 }, { minScale: 0.6, months: 3 }, { minScale: 2, months: 1 },
    { minScale: 12, days: 7 }, { minScale: 40, days: 1 }
  ];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var SVG = "http://www.w3.org/2000/svg";

  function setUp(root) {
    var viewport = root.querySelector(".tl-viewport");
    var svg = viewport.querySelector("svg");
    var ticks = svg.querySelector(".tl-ticks");
    var range = root.querySelector(".tl-range");
    var details = root.querySelector(".tl-details");
    var total = parseInt(root.dataset.days, 10);
    var origin = Date.parse(root.dataset.origin + "T00:00:00Z");
    var placed = Array.prototype.slice.call(svg.querySelectorAll("[data-a]:not(.tick)"));
    var lanes = Array.prototype.slice.call(svg.querySelectorAll(".lane"));
    var view = { scale: 1, offset: 0 };

    function width() { return viewport.clientWidth; }
    function fit() { view.scale = width() / total; view.offset = 0; }
    function clamp() {
      view.scale = Math.min(Math.max(view.scale, width() / total), width() / MIN_DAYS_IN_VIEW);
      var days = width() / view.scale;
      view.offset = Math.min(Math.max(view.offset, 0), total - days);
    }
    function x(day) { return (day - view.offset) * view.scale; }
    function dayString(day) {
      var d = new Date(origin + day * DAY_MS);
      return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    }

    function drawTicks() {
      var step = STEPS.filter(function (s) { return view.scale >= s.minScale; }).pop();
      while (ticks.firstChild) { ticks.removeChild(ticks.firstChild); }
      var first = new Date(origin + Math.floor(view.offset) * DAY_MS);
      var d = new Date(Date.UTC(first.getUTCFullYear(), 0, 1));
      var last = view.offset + width() / view.scale;
      var height = svg.getAttribute("height");
      var freeFrom = -Infinity; // tick labels too close to the one before are left out
      for (var guard = 0; guard < 2000; guard++) {
        var day = (d.getTime() - origin) / DAY_MS;
        if (day > last) { break; }
        if (day >= view.offset - 1) {
          var g = document.createElementNS(SVG, "g");
          g.setAttribute("class", "tick" + (d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? " year" : ""));
          var line = document.createElementNS(SVG, "line");
          line.setAttribute("x1", x(day)); line.setAttribute("x2", x(day));
          line.setAttribute("y1", 14); line.setAttribute("y2", height);
          var text = document.createElementNS(SVG, "text");
          text.setAttribute("x", x(day) + 3); text.setAttribute("y", 11);
          text.textContent = step.days ? d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]
            : step.months === 12 || d.getUTCMonth() === 0 ? String(d.getUTCFullYear())
            : MONTHS[d.getUTCMonth()];
          g.appendChild(line);
          var right = x(day) + 3 + text.textContent.length * LABEL_CHAR;
          if (x(day) + 3 >= freeFrom && right <= width()) { // never cut at the edge
            g.appendChild(text);
            freeFrom = x(day) + 3 + text.textContent.length * LABEL_CHAR + 6;
          }
          ticks.appendChild(g);
        }
        if (step.days) { d = new Date(d.getTime() + step.days * DAY_MS); }
        else { d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step.months, 1)); }
        if (step.days && guard === 0) { // weeks and days start from the first day in view
          d = new Date(origin + Math.floor(view.offset) * DAY_MS);
        }
      }
    }

    function draw() {
      clamp();
      svg.setAttribute("width", width());
      svg.setAttribute("viewBox", "0 0 " + width() + " " + svg.getAttribute("height"));
      placed.forEach(function (node) {
        var a = +node.dataset.a, b = +node.dataset.b;
        var shape = node.tagName.toLowerCase() === "a" ? node.querySelector("rect") : node;
        shape.setAttribute("x", x(a));
        shape.setAttribute("width", Math.max(node.tagName.toLowerCase() === "a" ? 3 : 1, (b - a) * view.scale));
      });
      targets.forEach(function (pair) { // a finger's target, centred on the round's bar
        var a = +pair[0].dataset.a, b = +pair[0].dataset.b;
        var drawn = Math.max(3, (b - a) * view.scale), size = Math.max(MIN_TARGET, drawn);
        pair[1].setAttribute("x1", x(a) + drawn / 2 - size / 2);
        pair[1].setAttribute("x2", x(a) + drawn / 2 + size / 2);
      });
      lanes.forEach(function (lane) { // labels never overprint: one hides when it would
        var freeFrom = -Infinity;
        lane.querySelectorAll("a.round").forEach(function (mark) {
          var text = mark.querySelector("text");
          var left = x(+mark.dataset.a);
          text.setAttribute("x", left);
          var shown = left >= freeFrom && left < width();
          text.setAttribute("visibility", shown ? "visible" : "hidden");
          if (shown) { freeFrom = left + text.textContent.length * LABEL_CHAR + 4; }
        });
        var axis = lane.querySelector(".lane-axis");
        axis.setAttribute("x2", width());
      });
      drawTicks();
      range.textContent = dayString(view.offset) + " – " + dayString(view.offset + width() / view.scale - 1);
      root.dataset.scale = view.scale.toFixed(4);
    }

    function zoom(factor, atPixel) {
      var at = atPixel === undefined ? width() / 2 : atPixel;
      var day = view.offset + at / view.scale;
      view.scale *= factor;
      clamp();
      view.offset = day - at / view.scale;
      draw();
    }
    function pan(pixels) { view.offset += pixels / view.scale; draw(); }

    root.querySelector(".tl-tools").hidden = false;
    root.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.dataset.zoom;
        if (how === "fit") { fit(); draw(); } else { zoom(how === "in" ? 2 : 0.5); }
      });
    });
    viewport.addEventListener("wheel", function (event) {
      event.preventDefault();
      var rect = viewport.getBoundingClientRect();
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) { pan(event.deltaX); return; }
      zoom(Math.pow(1.0015, -event.deltaY), event.clientX - rect.left);
    }, { passive: false });
    viewport.addEventListener("keydown", function (event) {
      var keys = { "+": function () { zoom(2); }, "=": function () { zoom(2); },
        "-": function () { zoom(0.5); }, "0": function () { fit(); draw(); },
        ArrowLeft: function () { pan(-width() / 5); }, ArrowRight: function () { pan(width() / 5); } };
      if (keys[event.key] && event.target === viewport) { event.preventDefault(); keys[event.key](); }
    });

    // Drag to pan; two fingers pinch to zoom.
    var pointers = {}, pinch = null, dragged = false;
    viewport.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = event.clientX; dragged = false;
    });
    viewport.addEventListener("pointermove", function (event) {
      if (!(event.pointerId in pointers)) { return; }
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var other = pointers[ids[0] == event.pointerId ? ids[1] : ids[0]];
        var distance = Math.abs(event.clientX - other);
        if (pinch && distance > 0) { zoom(distance / pinch, (event.clientX + other) / 2 - viewport.getBoundingClientRect().left); }
        pinch = distance;
      } else {
        var moved = pointers[event.pointerId] - event.clientX;
        if (Math.abs(moved) > 3) { dragged = true; }
        if (dragged) { pan(moved); }
      }
      pointers[event.pointerId] = event.clientX;
    });
    function release(event) { delete pointers[event.pointerId]; pinch = null; }
    viewport.addEventListener("pointerup", release);
    viewport.addEventListener("pointercancel", release);
    viewport.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); dragged = false; } // a drag is not a click
    }, true);

    // A round's facts beside the drawing, on hover or keyboard focus.
    function show(mark) {
      var d = mark.dataset;
      details.textContent = "";
      details.dataset.shown = d.round;
      var title = document.createElement("a");
      title.href = mark.getAttribute("href"); title.className = "tl-title"; title.textContent = d.title;
      details.appendChild(title);
      [["Dates", d.dates], ["Venue", d.place], ["Mediator", d.mediator], ["Outcome", d.outcome],
        ["In the archive", d.articles + " article" + (d.articles === "1" ? "" : "s")]]
        .forEach(function (pair) {
          if (!pair[1]) { return; }
          var p = document.createElement("p");
          var label = document.createElement("strong");
          label.textContent = pair[0] + ": ";
          p.appendChild(label); p.appendChild(document.createTextNode(pair[1]));
          details.appendChild(p);
        });
    }
    // On touch, there is no hover: a first tap shows a round's facts, a second opens it.
    var touched = false, shownBefore = null; // (focus shows the facts before the click)
    viewport.addEventListener("pointerdown", function (event) {
      touched = event.pointerType === "touch";
      shownBefore = details.dataset.shown;
    }, true);
    // A touch also sends the mouse's events first: only a real pointer's hover shows facts.
    function hover(mark, event) { if (event.pointerType !== "touch") { show(mark); } }
    function activate(mark, event) {
      if (touched && shownBefore !== mark.dataset.round) {
        event.preventDefault();
        show(mark);
      }
    }
    // Each round also gets a target at least MIN_TARGET wide (a wide transparent line), in a
    // layer under every lane's drawing: the rounds' own bars stay on top of their
    // neighbours' targets. Targets are for pointers only; the bars are what keys reach.
    var targets = [];
    lanes.forEach(function (lane) {
      var layer = document.createElementNS(SVG, "g");
      layer.setAttribute("class", "targets");
      layer.setAttribute("aria-hidden", "true");
      lane.insertBefore(layer, lane.firstChild);
      lane.querySelectorAll("a.round").forEach(function (mark) {
        var link = document.createElementNS(SVG, "a");
        link.setAttribute("href", mark.getAttribute("href"));
        link.setAttribute("tabindex", "-1");
        var line = document.createElementNS(SVG, "line");
        line.setAttribute("class", "target");
        line.setAttribute("y1", 29); line.setAttribute("y2", 29); // the bar and its label
        link.appendChild(line);
        layer.appendChild(link);
        targets.push([mark, line]);
        link.addEventListener("pointerenter", function (event) { hover(mark, event); });
        link.addEventListener("click", function (event) { activate(mark, event); });
      });
    });
    svg.querySelectorAll("a.round").forEach(function (mark) {
      mark.addEventListener("click", function (event) { activate(mark, event); });
      mark.addEventListener("pointerenter", function (event) { hover(mark, event); });
      mark.addEventListener("focus", function () {
        show(mark);
        var left = x(+mark.dataset.a);
        if (left < 0 || left > width() - 20) { view.offset = +mark.dataset.a - 10 / view.scale; draw(); }
      });
    });

    fit();
    draw();
    window.addEventListener("resize", function () {
      var days = total === 0 ? 0 : width() / view.scale;
      if (days >= total) { fit(); }
      draw();
    });
  }

  document.querySelectorAll(".tl").forEach(setUp);
})();
