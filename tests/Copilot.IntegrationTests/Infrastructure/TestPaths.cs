namespace Copilot.IntegrationTests.Infrastructure;

/// <summary>Finds the repository and the shared data beside it, wherever the tests run from.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The three public laws in ../shared/data/laws.</summary>
    public static string LawsFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "laws"));

    public static string KnowledgeFolder => Path.Combine(RepositoryRoot, "knowledge");

    /// <summary>Law files and the document ids the labelled questions use for them.</summary>
    public static IReadOnlyDictionary<string, string> Laws { get; } = new Dictionary<string, string>
    {
        ["law-securities-2019"] = "证券法-2019.md",
        ["law-fund-2015"] = "证券投资基金法-2015.md",
        ["law-futures-2022"] = "期货和衍生品法-2022.md",
    };

    public static string LawPath(string documentId) => Path.Combine(LawsFolder, Laws[documentId]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Copilot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find Copilot.sln above " + AppContext.BaseDirectory);
    }
}
