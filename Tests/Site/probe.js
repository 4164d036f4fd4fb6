// Injected into a copy of each page by check_site.py: measures what only a laid-out page can
// tell and writes the findings into the DOM, where --dump-dom can read them. check_site.py
// fills in the mode (light, dark, nojs, print), the window's width in CSS px and the search
// plan (or null). The clipboard is stubbed before the page's deferred scripts run, so
// clicking a copy button records what it would copy.
var mlbookCopied = [];
try {
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: {
    writeText: function (text) { mlbookCopied.push(text); return Promise.resolve(); } } });
} catch (error) {}
document.execCommand = function () {
  var active = document.activeElement; mlbookCopied.push(active && active.value); return true;
};
window.addEventListener("load", function () {
  var problems = [];
  var MODE = "%MODE%", WIDTH = %WIDTH%;
  function luminance(color) {
    var c = color.match(/[0-9.]+/g).slice(0, 3).map(function (v) { v = v / 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function resolved(name) {
    var probe = document.createElement("span");
    probe.style.color = "var(" + name + ")";
    document.body.appendChild(probe);
    var value = getComputedStyle(probe).color;
    document.body.removeChild(probe);
    return value;
  }
  if (MODE === "print") {
    document.querySelectorAll("pre").forEach(function (pre, i) {
      if (pre.getClientRects().length && pre.scrollWidth > pre.clientWidth + 1)
        problems.push("code block " + i + " is clipped by " + (pre.scrollWidth - pre.clientWidth) + " px");
    });
    document.querySelectorAll("main h2, main h3, main h4").forEach(function (h, i) {
      if (getComputedStyle(h).breakAfter !== "avoid") problems.push("heading " + i + " may end a page");
    });
    // Printed with the system in dark mode, the page must still be the light scheme.
    if (luminance(resolved("--background")) < 0.9) problems.push("prints on a dark background");
    if (luminance(getComputedStyle(document.querySelector("main")).color) > 0.1) problems.push("prints light text");
    document.querySelectorAll("svg.chart .chart-title").forEach(function (t, i) {
      if (t.getClientRects().length && luminance(getComputedStyle(t).fill) > 0.1) problems.push("chart title " + i + " prints light");
    });
    var paper = luminance(getComputedStyle(document.querySelector("pre.code") || document.body).backgroundColor);
    var faint = {};
    document.querySelectorAll("pre.code code span[class]").forEach(function (token) {
      var ink = luminance(getComputedStyle(token).color);
      var ratio = (Math.max(ink, paper) + 0.05) / (Math.min(ink, paper) + 0.05);
      if (ratio < 4.5) faint[token.className] = ratio.toFixed(2);
    });
    Object.keys(faint).forEach(function (kind) { problems.push("code tokens ." + kind + " print at " + faint[kind] + ":1"); });
  } else {
    document.querySelectorAll("math").forEach(function (m, i) {
      var r = m.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) problems.push("formula " + i + " has no size");
    });
    var shown = 0;
    document.querySelectorAll("svg.chart").forEach(function (s, i) {
      if (!s.getClientRects().length) return;
      shown++;
      var r = s.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) { problems.push("chart " + i + " is not visible"); return; }
      var scale = r.width / s.viewBox.baseVal.width, smallest = Infinity;
      s.querySelectorAll("text").forEach(function (t) {
        smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
      });
      if (WIDTH <= 400 && smallest < 10) problems.push("chart " + i + " has text at " + smallest.toFixed(1) + " px");
    });
    if (document.querySelectorAll("figure.chart").length && !shown) problems.push("no chart is shown");
    var overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (overflow > 1) problems.push("the page overflows horizontally by " + overflow + " px");
    var background = luminance(resolved("--background"));
    for (var n = 1; n <= 6; n++) {
      var l = luminance(resolved("--chart-" + n));
      var ratio = (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05);
      if (ratio < 3) problems.push(MODE + ": --chart-" + n + " has contrast " + ratio.toFixed(2) + ":1");
    }
    document.querySelectorAll("pre.code").forEach(function (pre, i) {
      if (!pre.closest(".code-block")) problems.push("code " + i + " has no copy block around it");
    });
    if (MODE === "nojs") {
      readableWithoutScripts(problems);
    } else {
      copyButtonProblems(problems);
    }
    if (WIDTH > 760) navigationStaysInView(problems);
    if (WIDTH <= 400) {
      var title = document.querySelector("main h1");
      if (title && title.getBoundingClientRect().top > 700) problems.push("the page title is below the first screen");
    }
    if (MODE === "light" && WIDTH > 760) searchProblems(problems);
  }
  function copyButtonProblems(problems) {
    document.querySelectorAll(".code-block").forEach(function (block, i) {
      var button = block.querySelector("button.copy"), code = block.querySelector("pre code");
      if (!button || !code) { problems.push("code block " + i + " has no copy button"); return; }
      if (button.closest("pre")) problems.push("copy button " + i + " is inside the code");
      if (block.getClientRects().length) {
        var place = button.getBoundingClientRect(), style = getComputedStyle(button);
        if (!place.width || !place.height || style.visibility !== "visible" || parseFloat(style.opacity) < 0.9)
          problems.push("copy button " + i + " is not visible without hovering");
        var text = document.createRange();
        text.selectNodeContents(code);
        Array.prototype.forEach.call(text.getClientRects(), function (line) {
          if (line.width && line.left < place.right && place.left < line.right && line.top < place.bottom && place.top < line.bottom)
            problems.push("copy button " + i + " covers code text");
        });
      }
      mlbookCopied = [];
      button.click();
      if (mlbookCopied[0] !== code.textContent) problems.push("copy button " + i + " copies other text than its code");
    });
  }
  // The chapter list and outline stay in the window however far the page is scrolled (CSS
  // alone), and with the script the outline marks the section whose heading was passed last.
  function navigationStaysInView(problems) {
    var sidebar = document.querySelector(".sidebar");
    var page = document.documentElement;
    if (!sidebar || page.scrollHeight < 3 * innerHeight) return;
    window.scrollTo(0, page.scrollHeight);
    window.dispatchEvent(new Event("scroll"));
    var frame = sidebar.getBoundingClientRect();
    if (scrollY < page.scrollHeight - innerHeight - 1) problems.push("the page did not scroll");
    if (Math.abs(frame.top) > 1 || frame.bottom > innerHeight + 1 || frame.height < 100)
      problems.push("scrolled to the end, the sidebar is at " + frame.top.toFixed(0) + "…" + frame.bottom.toFixed(0) + " px");
    var links = Array.prototype.slice.call(sidebar.querySelectorAll(".outline a"));
    if (MODE !== "nojs" && links.length) {
      var middle = document.getElementById(decodeURIComponent(links[links.length >> 1].hash.slice(1)));
      window.scrollTo(0, scrollY + middle.getBoundingClientRect().top - 10);
      window.dispatchEvent(new Event("scroll"));
      var active = sidebar.querySelectorAll(".outline a.active");
      if (active.length !== 1) { problems.push(active.length + " outline entries are marked current"); }
      else {
        var at = links.indexOf(active[0]), place = active[0].getBoundingClientRect();
        var top = function (k) { return document.getElementById(decodeURIComponent(links[k].hash.slice(1))).getBoundingClientRect().top; };
        if (top(at) > 96 || (at + 1 < links.length && top(at + 1) <= 96))
          problems.push("the outline marks " + active[0].textContent + ", not the section being read");
        if (place.top < Math.max(0, frame.top) || place.bottom > Math.min(innerHeight, frame.bottom))
          problems.push("the outline's current entry is out of view");
      }
    }
    window.scrollTo(0, 0);
  }
  function readableWithoutScripts(problems) {
    if (document.querySelector("script[src]")) problems.push("the page's scripts were not removed");
    var main = document.querySelector("main");
    if (!main || main.getBoundingClientRect().height < 200) problems.push("no content without scripts");
    var search = document.getElementById("search");
    if (search && search.getClientRects().length) problems.push("a search box that cannot work is shown");
    var menu = document.querySelector(".toc > summary");
    var links = document.querySelectorAll(".sidebar ul.chapters > li > a");
    var shown = Array.prototype.filter.call(links, function (a) { return a.getClientRects().length; }).length;
    if (WIDTH > 760 && shown !== links.length) problems.push("only " + shown + " of " + links.length + " chapter links are shown");
    if (WIDTH <= 760 && !(menu && menu.getClientRects().length)) problems.push("no menu to open the chapter list");
  }
  // Drives the search box as a reader would; PLAN holds the queries and what the index says
  // they must find (computed by check_site.py from search-index.js).
  function searchProblems(problems) {
    var PLAN = %SEARCH%;
    var box = document.getElementById("search"), list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!PLAN) return;
    if (!box || box.hidden || !list || !status) { problems.push("no search box"); return; }
    function search(query) {
      box.value = query;
      box.dispatchEvent(new Event("input"));
      return Array.prototype.filter.call(list.children, function (li) { return !li.classList.contains("more"); });
    }
    function count() { var n = status.textContent.match(/[0-9]+/); return n ? parseInt(n[0], 10) : -1; }
    var markup = /<\/?[a-z][a-z0-9]*[\s>\/]|&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);/i;
    var own = search(PLAN.own.query);
    if (count() !== PLAN.own.count) problems.push("search " + JSON.stringify(PLAN.own.query) + " says " + status.textContent + ", the index has " + PLAN.own.count);
    var hrefs = own.map(function (li) { return li.querySelector("a").getAttribute("href"); });
    hrefs.slice(0, Math.min(10, PLAN.own.headings.length)).forEach(function (href, k) {
      if (PLAN.own.headings.indexOf(href) < 0) problems.push("search: result " + (k + 1) + " (" + href + ") ranks text before a matching heading");
    });
    if (PLAN.own.headings.length <= 10 && hrefs.indexOf(PLAN.own.href) < 0) problems.push("search: this page's own section " + PLAN.own.href + " is not found");
    own.forEach(function (li, k) {
      var marks = li.querySelectorAll("mark");
      if (!marks.length) problems.push("search: result " + (k + 1) + " has no highlighted match");
      marks.forEach(function (mark) {
        if (PLAN.own.words.indexOf(mark.textContent.normalize("NFKC").toLowerCase()) < 0) problems.push("search: highlighted " + JSON.stringify(mark.textContent));
      });
      if (li.querySelector(":not(a):not(small):not(mark)") || markup.test(li.textContent)) problems.push("search: markup in result " + (k + 1) + ": " + li.innerHTML.slice(0, 120));
    });
    if (PLAN.many) {
      var first = search(PLAN.many.query).length, more = list.querySelector("li.more button");
      if (count() !== PLAN.many.count) problems.push("search " + JSON.stringify(PLAN.many.query) + " counts " + count() + ", the index has " + PLAN.many.count);
      if (first !== 10 || !more) problems.push("search: " + first + " results shown of " + PLAN.many.count + ", and " + (more ? "a" : "no") + " button for more");
      if (more) {
        more.click();
        var after = list.querySelectorAll("li:not(.more)").length;
        if (after !== Math.min(20, PLAN.many.count)) problems.push("search: “more” shows " + after + " results");
      }
    }
    var none = search(PLAN.none);
    if (none.length || !status.textContent.trim() || count() !== -1) problems.push("search: no message for a query without results (" + status.textContent + ")");
    search("");
  }
  setTimeout(function () {
    var out = document.createElement("pre");
    out.id = "mlbook-geometry";
    out.textContent = JSON.stringify(problems);
    document.body.appendChild(out);
  }, 0);
});
