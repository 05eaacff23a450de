using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.Benchmarks.Infrastructure;

/// <summary>One of the three public laws, read into memory so disk reads stay out of the measurements.</summary>
public sealed record LawFile(string DocumentId, string FileName, byte[] Content)
{
    /// <summary>The upload fields the integration tests use for the laws.</summary>
    public static IReadOnlyDictionary<string, string?> Fields(string documentId) => new Dictionary<string, string?>
    {
        ["id"] = documentId, ["type"] = "compliance", ["publisher"] = "全国人民代表大会常务委员会", ["audience"] = "internal",
    };

    /// <summary>The laws in ../shared/data/laws beside the repository.</summary>
    public static IReadOnlyList<LawFile> LoadAll() =>
        TestPaths.Laws.Select(law => new LawFile(law.Key, law.Value, File.ReadAllBytes(TestPaths.LawPath(law.Key)))).ToList();
}
