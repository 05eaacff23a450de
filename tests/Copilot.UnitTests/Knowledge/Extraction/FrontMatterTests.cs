using Copilot.Knowledge.Extraction;

namespace Copilot.UnitTests.Knowledge.Extraction;

/// <summary>Front matter is YAML, read with YamlDotNet: lists, quoting and comments as YAML has them.</summary>
public sealed class FrontMatterTests
{
    [Fact]
    public void A_yaml_list_reads_as_its_items_joined_like_a_comma_list()
    {
        var block = FrontMatter.Split("---\nproductCodes: [ES1002, ES3001]\nother:\n  - ES4001\n  - ES4002\n---\n正文").FrontMatter;

        Assert.Equal("ES1002, ES3001", block["productCodes"]);
        Assert.Equal("ES4001, ES4002", block["other"]);
    }

    [Fact]
    public void Quoted_values_comments_and_empty_values_are_read_as_yaml_means_them()
    {
        var block = FrontMatter.Split("---\n# who wrote it\ntitle: \"Notice: fees change\"\nlockupMonths:\nriskLevel: R3 # checked\n---\n正文").FrontMatter;

        Assert.Equal("Notice: fees change", block["title"]);
        Assert.Equal("", block["lockupMonths"]);
        Assert.Equal("R3", block["riskLevel"]);
        Assert.False(block.ContainsKey("# who wrote it"));
    }

    [Fact]
    public void A_nested_map_is_ignored_rather_than_flattened_into_a_string()
    {
        var block = FrontMatter.Split("---\ntitle: A\nextra:\n  owner: team\n---\n正文").FrontMatter;

        Assert.Equal("A", block["title"]);
        Assert.False(block.ContainsKey("extra"));
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_is_refused_naming_the_line()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() => FrontMatter.Split("---\ntitle: A\nnote: a: b\n---\n正文"));

        Assert.Contains("front matter is not valid YAML (line 3 of the file)", error.Message);
        Assert.Contains("Quote values", error.Message);
    }

    [Fact]
    public void Every_document_of_the_sample_corpus_has_front_matter_that_reads()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "knowledge"), "*.md"))
        {
            if (Path.GetFileName(file).StartsWith("README", StringComparison.OrdinalIgnoreCase)) continue;
            var block = FrontMatter.Split(File.ReadAllText(file)).FrontMatter;
            Assert.True(block.ContainsKey("title") && block.ContainsKey("type"), Path.GetFileName(file));
        }
    }
}
