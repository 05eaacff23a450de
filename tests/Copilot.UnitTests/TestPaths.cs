namespace Copilot.UnitTests;

/// <summary>Where tests find the repository, the shared law corpus and the prompts copied beside the test binary.</summary>
internal static class TestPaths
{
    private const string SolutionFile = "Copilot.sln";

    /// <summary>The folder holding Copilot.sln, found by walking up from the test binary.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>../shared/data/laws beside the repository: real, long Chinese statutes.</summary>
    public static string LawsFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "laws"));

    /// <summary>The prompts/ folder the test project copies to its output.</summary>
    public static string PromptsFolder => Path.Combine(AppContext.BaseDirectory, "prompts");

    public static string Law(string fileName)
    {
        var path = Path.Combine(LawsFolder, fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Law file '{fileName}' is not in {LawsFolder}.", path);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}
