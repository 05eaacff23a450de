using Copilot.IntegrationTests.Infrastructure;
using Copilot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.IntegrationTests.Knowledge;

/// <summary>The re-ingest command's work: a folder of files, metadata defaults for files without front matter, bad files reported.</summary>
public sealed class FolderIngestionTests(SmallUploadApi api) : IClassFixture<SmallUploadApi>
{
    [Fact]
    public async Task A_folder_is_ingested_with_defaults_and_a_bad_file_is_reported_not_fatal()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "copilot-folder-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            File.Copy(TestPaths.LawPath("law-futures-2022"), Path.Combine(folder, "期货和衍生品法-2022.md"));
            await File.WriteAllTextAsync(Path.Combine(folder, "note.md"), "---\nid: own-id\ntype: research\n---\n# 自带元数据\n\n正文。");
            await File.WriteAllBytesAsync(Path.Combine(folder, "broken.pdf"), "not a pdf"u8.ToArray());
            await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), "not ingested");

            var seeder = api.Factory.Services.GetRequiredService<KnowledgeSeeder>();
            var result = await seeder.SeedAsync(folder, force: true, CancellationToken.None,
                new Dictionary<string, string?> { ["type"] = "compliance", ["audience"] = "internal" });

            Assert.Equal(2, result.Ingested);
            Assert.StartsWith("broken.pdf:", Assert.Single(result.Failures));
            var law = await api.Client.GetObjectAsync("/v1/knowledge/documents/" + Uri.EscapeDataString("期货和衍生品法-2022"));
            Assert.Equal("compliance", law.Str("type"));
            Assert.Equal("internal", law.Str("audience"));
            Assert.Equal("research", (await api.Client.GetObjectAsync("/v1/knowledge/documents/own-id")).Str("type"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
