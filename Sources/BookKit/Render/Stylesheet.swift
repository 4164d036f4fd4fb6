/// The site's stylesheet: system CJK font stacks, light and dark themes from the system
/// setting, chart colors as CSS variables (SVGCharts refers to `--chart-N`).
enum Stylesheet {
    /// The whole `style.css`: the page styles and the code highlighting colors.
    static var all: String { css + SwiftHighlighter.css }

    static let css = """
        :root {
          --text: #1d1d1f; --muted: #6e6e73; --background: #ffffff; --panel: #f5f5f7;
          --border: #d2d2d7; --accent: #0b63c5; --error: #b3261e; --error-background: #fdecea;
          --chart-1: #1f77b4; --chart-2: #d62728; --chart-3: #2ca02c; --chart-4: #9467bd;
          --chart-5: #ff7f0e; --chart-6: #17becf;
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e8e8ed; --muted: #a1a1a6; --background: #161618; --panel: #232326;
            --border: #3a3a3d; --accent: #6cb4ff; --error: #ff8a80; --error-background: #3b1d1b;
            --chart-1: #6cb4ff; --chart-2: #ff7b72; --chart-3: #7ee787; --chart-4: #d2a8ff;
            --chart-5: #ffa657; --chart-6: #56d4dd;
          }
        }
        @font-face { font-family: "Latin Modern Math"; src: local("Latin Modern Math"), local("LatinModernMath-Regular"),
          url("fonts/latinmodern-math.otf") format("opentype"); }
        math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", math; font-size: 1.1em; }
        math[display="block"] { margin: 1em 0; overflow-x: auto; overflow-y: hidden; }
        .math-error { color: var(--error); border-bottom: 1px dashed var(--error); }
        .nowrap { white-space: nowrap; }
        * { box-sizing: border-box; }
        body {
          margin: 0; display: flex; color: var(--text); background: var(--background);
          font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
            "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
          line-height: 1.75;
        }
        .sidebar { width: 17rem; flex: none; padding: 1.5rem 1rem; border-right: 1px solid var(--border);
          background: var(--panel); min-height: 100vh; font-size: 0.95rem; }
        .sidebar ul.chapters { list-style: none; padding-left: 0; }
        .sidebar ul.chapters > li { margin: 0.35rem 0; }
        .sidebar a[aria-current] { font-weight: 600; }
        .book-title { font-weight: 700; }
        main { flex: 1; min-width: 0; max-width: 52rem; padding: 1.5rem 2rem 4rem; }
        a { color: var(--accent); }
        code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        pre { overflow-x: auto; padding: 0.8rem 1rem; border-radius: 6px; background: var(--panel);
          border: 1px solid var(--border); line-height: 1.5; }
        pre.output { background: transparent; border-style: dashed; }
        pre.error { color: var(--error); background: var(--error-background); border-color: var(--error); white-space: pre-wrap; }
        .cell { margin: 1.2rem 0; }
        .cell-meta { margin: 0.2rem 0 0; color: var(--muted); font-size: 0.8rem; text-align: right; }
        .inline-value { font-variant-numeric: tabular-nums; font-weight: 600; }
        .inline-value.missing { color: var(--error); }
        figure.chart { margin: 1rem 0; }
        svg.chart { display: block; margin: 0 auto; max-width: 100%; height: auto; font-size: 12px; }
        svg.chart .chart-title { font-size: 14px; font-weight: 600; fill: var(--text); }
        svg.chart .tick, svg.chart .legend, svg.chart .axis-label { fill: var(--muted); }
        svg.chart .grid { stroke: var(--border); stroke-width: 0.5; }
        svg.chart .frame { stroke: var(--border); }
        svg.chart .cell-value { font-size: 10px; fill: var(--text); }
        .rerun { margin-top: 2.5rem; padding: 0.8rem 1rem; border-left: 4px solid var(--accent);
          background: var(--panel); font-size: 0.9rem; }
        .rerun p { margin: 0.3rem 0; }
        .rerun .failed { color: var(--error); }
        h2, h3, h4 { scroll-margin-top: 1rem; }
        pre.code { position: relative; }
        button.copy { position: absolute; top: 0.4rem; right: 0.4rem; font-size: 0.75rem; padding: 0.1rem 0.5rem;
          border: 1px solid var(--border); border-radius: 4px; background: var(--background); color: var(--muted);
          cursor: pointer; opacity: 0; }
        pre.code:hover button.copy, button.copy:focus { opacity: 1; }
        #search { width: 100%; padding: 0.35rem 0.5rem; border: 1px solid var(--border); border-radius: 4px;
          background: var(--background); color: var(--text); font: inherit; }
        #search-results { list-style: none; padding: 0; margin: 0.4rem 0; font-size: 0.85rem; }
        #search-results li { margin: 0.3rem 0; }
        #search-results small { display: block; color: var(--muted); }
        .anchor { visibility: hidden; text-decoration: none; color: var(--muted); font-weight: 400; }
        h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { visibility: visible; }
        .outline { list-style: none; padding-left: 0.6rem; margin: 0.3rem 0 0.6rem; font-size: 0.88rem; }
        .outline .level-3 { padding-left: 0.9rem; }
        figure { margin: 1rem 0; }
        figcaption { text-align: center; color: var(--muted); font-size: 0.9rem; margin: 0.3rem 0; }
        figure.table { overflow-x: auto; }
        table.data, table.prose { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
        table.data th, table.prose th { background: var(--panel); }
        table.prose td, table.prose th { text-align: left; }
        table.prose { display: block; max-width: 100%; overflow-x: auto; }
        p code, li code, td code { overflow-wrap: anywhere; }
        table.data td { font-variant-numeric: tabular-nums; }
        table.data td.text { text-align: left; }
        .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 2rem; }
        .pager a[rel=next] { margin-left: auto; }
        table { border-collapse: collapse; }
        td, th { border: 1px solid var(--border); padding: 0.2rem 0.6rem; text-align: right; }
        @media (max-width: 760px) {
          body { display: block; }
          .sidebar { width: auto; min-height: 0; border-right: none; border-bottom: 1px solid var(--border); }
          main { padding: 1rem; }
        }
        @media print {
          .sidebar, .pager, .rerun { display: none; }
          body { display: block; }
        }

        """
}
