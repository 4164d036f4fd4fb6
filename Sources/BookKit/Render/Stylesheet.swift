import SVGCharts

/// The site's stylesheet: system CJK font stacks, light and dark themes from the system
/// setting (print always light), chart colors as CSS variables (SVGCharts' `ChartPalette`,
/// which charts refer to as `--chart-N`), the layout (a sticky
/// sidebar on wide windows, a collapsed menu on phones), and the print rules.
enum Stylesheet {
    /// The whole `style.css`: the page styles and the code highlighting colors.
    static var all: String { theme + layout + components + print + SwiftHighlighter.css }

    static let theme = """
        :root {
          --text: #1d1d1f; --muted: #6e6e73; --background: #ffffff; --panel: #f5f5f7;
          --border: #d2d2d7; --accent: #0b63c5; --error: #b3261e; --error-background: #fdecea;
          --highlight: #fff2a8; --shadow: rgba(0, 0, 0, 0.22);
          \(ChartPalette.cssVariables(ChartPalette.light))
          color-scheme: light dark;
        }
        @media screen and (prefers-color-scheme: dark) {
          :root {
            --text: #e8e8ed; --muted: #a1a1a6; --background: #161618; --panel: #232326;
            --border: #3a3a3d; --accent: #6cb4ff; --error: #ff8a80; --error-background: #3b1d1b;
            --highlight: #5c4d00; --shadow: rgba(0, 0, 0, 0.7);
            \(ChartPalette.cssVariables(ChartPalette.dark))
          }
        }
        @font-face { font-family: "Latin Modern Math"; src: local("Latin Modern Math"), local("LatinModernMath-Regular"),
          url("fonts/latinmodern-math.otf") format("opentype"); }

        """

    static let layout = """
        * { box-sizing: border-box; }
        body {
          margin: 0; display: flex; align-items: flex-start; color: var(--text); background: var(--background);
          font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
            "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
          line-height: 1.75;
        }
        .skip-link { position: absolute; left: 0.5rem; top: -3rem; z-index: 10; padding: 0.3rem 0.8rem;
          background: var(--background); border: 2px solid var(--accent); border-radius: 4px; }
        .skip-link:focus { top: 0.5rem; }
        .sidebar { width: 17rem; flex: none; padding: 1.5rem 1rem; border-right: 1px solid var(--border);
          background: var(--panel); font-size: 0.95rem; position: sticky; top: 0; height: 100vh; overflow-y: auto; }
        .toc > summary { display: none; }
        .toc::details-content { content-visibility: visible; }
        .sidebar ul.chapters { list-style: none; padding-left: 0; }
        .sidebar ul.chapters > li { margin: 0.35rem 0; }
        .sidebar a[aria-current] { font-weight: 600; }
        .book-title { font-weight: 700; margin-top: 0; }
        main { flex: 1; min-width: 0; max-width: 52rem; padding: 1.5rem 2rem 4rem; container-type: inline-size; }
        a { color: var(--accent); }
        .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 2rem; }
        .pager a[rel=next] { margin-left: auto; }
        .chapter-list { list-style: none; padding-left: 0; }
        .chapter-list > li { margin: 0 0 1rem; }
        .chapter-list > li > a { font-weight: 600; }
        .chapter-list .summary p { margin: 0.2rem 0 0; color: var(--muted); }
        .description { font-size: 1.1rem; }
        .start a { display: inline-block; padding: 0.4rem 1.1rem; border-radius: 6px; background: var(--accent);
          color: var(--background); text-decoration: none; font-weight: 600; }
        @media (max-width: 760px) {
          body { display: block; }
          .sidebar { width: auto; height: auto; max-height: 100vh; position: sticky; top: 0; z-index: 5;
            padding: 0.5rem 1rem; border-right: none; border-bottom: 1px solid var(--border); }
          .book-title { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
          h2, h3, h4, .display-math.numbered, figure { scroll-margin-top: 5rem; }
          .book-title { margin: 0; }
          .toc > summary { display: list-item; cursor: pointer; color: var(--accent); }
          .toc:not([open])::details-content { content-visibility: hidden; }
          main { padding: 1rem; }
        }

        """

    static let components = """
        math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", math; font-size: 1.1em; }
        .display-math { display: block; margin: 1em 0; overflow-x: auto; overflow-y: hidden; }
        .display-math > math { margin: 0 auto; padding: 0.2rem 0; }
        .display-math.numbered { display: flex; flex-wrap: nowrap; align-items: center; }
        .display-math.numbered > math { flex: 1 1 auto; min-width: 0; }
        .equation-number { flex: none; padding-left: 1rem; }
        .wide-math { display: inline-block; max-width: 100%; overflow-x: auto; overflow-y: hidden; vertical-align: middle; }
        .scrolls {
          background: linear-gradient(to right, var(--background) 30%, transparent) left / 2rem 100% no-repeat local,
            linear-gradient(to left, var(--background) 30%, transparent) right / 2rem 100% no-repeat local,
            radial-gradient(farthest-side at 0 50%, var(--shadow), transparent) left / 0.7rem 100% no-repeat scroll,
            radial-gradient(farthest-side at 100% 50%, var(--shadow), transparent) right / 0.7rem 100% no-repeat scroll;
        }
        .math-error { color: var(--error); border-bottom: 1px dashed var(--error); }
        .nowrap { white-space: nowrap; }
        code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        pre { overflow-x: auto; padding: 0.8rem 1rem; border-radius: 6px; background: var(--panel);
          border: 1px solid var(--border); line-height: 1.5; }
        pre code { font-size: 1em; }
        pre.output { background: transparent; border-style: dashed; }
        pre.error { color: var(--error); background: var(--error-background); border-color: var(--error); white-space: pre-wrap; }
        .cell { margin: 1.2rem 0; }
        .cell-meta { margin: 0.2rem 0 0; color: var(--muted); font-size: 0.8rem; text-align: right; }
        .hidden-code { margin: 0.6rem 0; }
        .hidden-code > summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
        .inline-value { font-variant-numeric: tabular-nums; font-weight: 600; }
        .inline-value.missing { color: var(--error); }
        .code-block { display: flex; flex-direction: column; margin: 0.5rem 0; }
        .code-block > pre { margin: 0; min-width: 0; }
        /* A tab on the code's top edge, above its first line rather than over it, so it never
           hides code (however far the block is scrolled) and is always visible, for touch too. */
        button.copy { order: -1; align-self: flex-end; margin: 0 0.5rem -1px 0; position: relative;
          font: 0.75rem/1.4 system-ui, sans-serif; padding: 0.1rem 0.6rem; border: 1px solid var(--border);
          border-bottom-color: var(--panel); border-radius: 4px 4px 0 0; background: var(--panel);
          color: var(--muted); cursor: pointer; }
        button.copy:hover, button.copy:focus-visible { color: var(--text); border-color: var(--accent); }
        .rerun button.copy { border-bottom-color: var(--background); background: var(--background); }
        figure { margin: 1rem 0; }
        figure.chart { margin: 1rem 0; }
        svg.chart { display: block; margin: 0 auto; max-width: 100%; height: auto; font-size: 12px; }
        svg.chart-narrow { display: none; }
        @container (max-width: 560px) {
          svg.chart-wide { display: none; }
          svg.chart-narrow { display: block; }
        }
        svg.chart .chart-title { font-size: 14px; font-weight: 600; fill: var(--text); }
        svg.chart .tick, svg.chart .legend, svg.chart .axis-label { fill: var(--muted); }
        svg.chart .grid { stroke: var(--border); stroke-width: 0.5; }
        svg.chart .frame { stroke: var(--border); }
        svg.chart .cell-value { font-size: 11px; fill: var(--text); }
        svg.chart .cell-value.on-strong { fill: var(--background); }
        figcaption { text-align: center; color: var(--muted); font-size: 0.9rem; margin: 0.3rem 0; }
        table.data, table.prose { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
        table.data th, table.prose th { background: var(--panel); }
        table.prose td, table.prose th { text-align: left; }
        table.prose { display: block; max-width: 100%; overflow-x: auto; }
        figure.table > .scrolls { overflow-x: auto; }
        p code, li code, td code { overflow-wrap: anywhere; }
        table.data td { font-variant-numeric: tabular-nums; }
        table.data td.text { text-align: left; }
        table { border-collapse: collapse; }
        td, th { border: 1px solid var(--border); padding: 0.2rem 0.6rem; text-align: right; }
        .rerun { margin-top: 2.5rem; padding: 0.8rem 1rem; border-left: 4px solid var(--accent);
          background: var(--panel); font-size: 0.9rem; }
        .rerun p { margin: 0.3rem 0; }
        .rerun pre { background: var(--background); white-space: pre-wrap; overflow-wrap: anywhere; }
        .rerun .failed { color: var(--error); }
        h2, h3, h4 { scroll-margin-top: 1rem; }
        .anchor { opacity: 0; text-decoration: none; color: var(--muted); font-weight: 400; }
        h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
        @media (hover: none) { .anchor { opacity: 0.5; } }
        .outline { list-style: none; padding-left: 0.6rem; margin: 0.3rem 0 0.6rem; font-size: 0.88rem; }
        .outline .level-3 { padding-left: 0.9rem; }
        .outline a.active { font-weight: 600; color: var(--text); box-shadow: inset 3px 0 var(--accent);
          padding-left: 0.4rem; margin-left: -0.4rem; }
        #search { width: 100%; padding: 0.35rem 0.5rem; border: 1px solid var(--border); border-radius: 4px;
          background: var(--background); color: var(--text); font: inherit; }
        #search-status { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.8rem; }
        #search-status:empty { display: none; }
        #search-results { list-style: none; padding: 0; margin: 0.4rem 0; font-size: 0.85rem; }
        #search-results li { margin: 0.3rem 0; }
        #search-results small { display: block; color: var(--muted); }
        #search-results mark { background: var(--highlight); color: inherit; }
        #search-results button { font: inherit; color: var(--accent); background: none; border: none; padding: 0;
          cursor: pointer; text-decoration: underline; }

        """

    static let print = """
        @media print {
          :root { color-scheme: light; }
          .sidebar, .pager, .rerun, .skip-link, button.copy, .anchor { display: none; }
          body { display: block; }
          main { max-width: none; padding: 0; }
          pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
          h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          figure, .cell-meta, tr { break-inside: avoid; }
          figcaption { break-before: avoid; }
          .scrolls { background: none; }
          svg.chart-wide { display: block; }
          svg.chart-narrow { display: none; }
        }

        """
}
