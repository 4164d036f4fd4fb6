/// The words of the site's interface in the book's `language` (`book.yml`): Chinese for
/// `zh…`, English otherwise. The script (`SiteScript`) carries its own few strings, chosen
/// by the page's `lang`.
struct InterfaceText: Sendable {
    var contents: String
    var skipToContent: String
    var searchPlaceholder: String
    var searchLabel: String
    var sectionLink: String
    var previousAndNext: String
    var figure: String
    var table: String
    var equation: String
    /// Between a figure's number and its caption.
    var captionSeparator: String
    var hiddenCode: String
    var startReading: String
    var chapterList: String
    var apiReference: String
    var runThisChapter: String
    var rerunWithParameters: String
    var source: String
    var repositorySource: String
    var failedCount: @Sendable (Int) -> String
    var timing: @Sendable (_ run: String, _ compile: String) -> String
    var fromFreshClone: String
    var ran: @Sendable (String) -> String
    var failed: String
    var failedAsExpected: String
    var notRun: String
    var skipped: String

    /// The text for a `book.yml` `language` such as `zh-CN` or `en`.
    init(language: String) {
        self = language.lowercased().hasPrefix("zh") ? .chinese : .english
    }

    private init(
        contents: String, skipToContent: String, searchPlaceholder: String, searchLabel: String,
        sectionLink: String, previousAndNext: String, figure: String, table: String, equation: String,
        captionSeparator: String, hiddenCode: String, startReading: String, chapterList: String,
        apiReference: String, runThisChapter: String, rerunWithParameters: String, source: String,
        repositorySource: String,
        failedCount: @escaping @Sendable (Int) -> String,
        timing: @escaping @Sendable (String, String) -> String, fromFreshClone: String,
        ran: @escaping @Sendable (String) -> String,
        failed: String, failedAsExpected: String, notRun: String, skipped: String
    ) {
        (self.contents, self.skipToContent, self.searchPlaceholder) = (contents, skipToContent, searchPlaceholder)
        (self.searchLabel, self.sectionLink, self.previousAndNext) = (searchLabel, sectionLink, previousAndNext)
        (self.figure, self.table, self.equation, self.captionSeparator) = (figure, table, equation, captionSeparator)
        (self.hiddenCode, self.startReading, self.chapterList) = (hiddenCode, startReading, chapterList)
        self.apiReference = apiReference
        (self.runThisChapter, self.rerunWithParameters, self.source) = (runThisChapter, rerunWithParameters, source)
        self.repositorySource = repositorySource
        (self.failedCount, self.timing, self.fromFreshClone, self.ran) = (failedCount, timing, fromFreshClone, ran)
        (self.failed, self.failedAsExpected, self.notRun, self.skipped) = (failed, failedAsExpected, notRun, skipped)
    }

    static let chinese = InterfaceText(
        contents: "目录", skipToContent: "跳到正文", searchPlaceholder: "搜索全书…", searchLabel: "搜索全书",
        sectionLink: "本节链接", previousAndNext: "上一章与下一章", figure: "图", table: "表", equation: "式",
        captionSeparator: "：", hiddenCode: "辅助代码", startReading: "开始阅读", chapterList: "各章",
        apiReference: "API 参考（需要 JavaScript 与网页服务器，例如 mlbook serve）",
        runThisChapter: "在自己的机器上运行本章", rerunWithParameters: "重新运行本章（可以改参数）：",
        source: "本章的 Markdown 源文件", repositorySource: "代码仓库中的本章文件", failedCount: { "本章有 \($0) 个错误，见上方的红色框。" },
        timing: { "本章的计算在构建时运行了 \($0)（编译 \($1)）。" },
        fromFreshClone: "从一份新的克隆开始（Debian 12 与 Swift 工具链）：", ran: { "运行 \($0)" },
        failed: "运行失败", failedAsExpected: "按预期出错（error: true）", notRun: "未运行", skipped: "未执行（eval: false）")

    static let english = InterfaceText(
        contents: "Contents", skipToContent: "Skip to content", searchPlaceholder: "Search the book…",
        searchLabel: "Search the book", sectionLink: "Link to this section",
        previousAndNext: "Previous and next chapter",
        figure: "Figure", table: "Table", equation: "Equation", captionSeparator: ": ", hiddenCode: "Helper code",
        startReading: "Start reading", chapterList: "Chapters",
        apiReference: "API reference (needs JavaScript and a web server, such as mlbook serve)",
        runThisChapter: "Run this chapter on your machine",
        rerunWithParameters: "Rerun this chapter (parameters can change):", source: "This chapter's Markdown source",
        repositorySource: "the file in the repository",
        failedCount: { "This chapter has \($0) error(s); see the red boxes above." },
        timing: { "This chapter's computations ran for \($0) at build time (compiling: \($1))." },
        fromFreshClone: "From a fresh clone (Debian 12 with the Swift toolchain):", ran: { "ran \($0)" },
        failed: "failed", failedAsExpected: "failed as expected (error: true)", notRun: "not run",
        skipped: "not run (eval: false)")
}
