using Copilot.Knowledge.Dictionary;
using Copilot.UnitTests.Knowledge.Index;

namespace Copilot.UnitTests.Knowledge.Dictionary;

/// <summary>A dictionary file the service cannot use is refused with a message naming the file and the entry.</summary>
public sealed class DomainDictionaryLoaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private DomainDictionaryException Refused(string json, string file = "bad.json")
    {
        File.WriteAllText(Path.Combine(_folder.Path, file), json);
        return Assert.Throws<DomainDictionaryException>(() => DomainDictionary.Load(_folder.Path));
    }

    [Fact]
    public void A_valid_file_loads_and_expands()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "a.json"),
            """{ "schema": 1, "group": "g", "weight": 0.5, "entries": [ { "terms": ["两融"], "means": ["融资融券"] } ] }""");

        var expansion = DomainDictionary.Load(_folder.Path).Expand("两融");

        Assert.Equal([new WeightedText("融资融券", 0.5f)], expansion.Texts);
    }

    [Fact]
    public void Broken_json_names_the_file() =>
        Assert.StartsWith("bad.json: not a valid dictionary file", Refused("{ \"schema\": 1, ").Message);

    [Fact]
    public void An_unknown_field_is_refused() =>
        Assert.Contains("bad.json", Refused("""{ "schema": 1, "group": "g", "synonyms": [] }""").Message);

    [Fact]
    public void A_wrong_schema_is_refused() =>
        Assert.Contains("schema must be 1", Refused("""{ "schema": 2, "group": "g", "entries": [] }""").Message);

    [Fact]
    public void An_entry_without_means_is_named() =>
        Assert.Contains("bad.json: entries[1].means", Refused(
            """{ "schema": 1, "group": "g", "entries": [ { "same": ["a", "b"] }, { "terms": ["c"] } ] }""").Message);

    [Fact]
    public void An_entry_with_both_forms_is_refused() =>
        Assert.Contains("either \"same\"", Refused(
            """{ "schema": 1, "group": "g", "entries": [ { "same": ["a", "b"], "terms": ["c"], "means": ["d"] } ] }""").Message);

    [Fact]
    public void A_same_group_of_one_term_is_refused() =>
        Assert.Contains("entries[0].same", Refused("""{ "schema": 1, "group": "g", "entries": [ { "same": ["a"] } ] }""").Message);

    [Fact]
    public void An_empty_term_is_named() =>
        Assert.Contains("entries[0].terms[1]", Refused(
            """{ "schema": 1, "group": "g", "entries": [ { "terms": ["a", " "], "means": ["b"] } ] }""").Message);

    [Fact]
    public void A_term_of_punctuation_only_is_refused() =>
        Assert.Contains("has no letters", Refused(
            """{ "schema": 1, "group": "g", "entries": [ { "terms": ["？！"], "means": ["b"] } ] }""").Message);

    [Fact]
    public void A_weight_out_of_range_is_refused() =>
        Assert.Contains("weight", Refused("""{ "schema": 1, "group": "g", "weight": 3, "entries": [ { "same": ["a", "b"] } ] }""").Message);

    [Fact]
    public void An_unknown_preferred_type_is_refused() =>
        Assert.Contains("prefers 'statute'", Refused(
            """{ "schema": 1, "group": "g", "prefers": "statute", "entries": [ { "same": ["a", "b"] } ] }""").Message);

    [Fact]
    public void A_malformed_product_code_is_refused() =>
        Assert.Contains("products[0].code", Refused(
            """{ "schema": 1, "group": "p", "products": [ { "code": "ES-4002", "names": ["半导体ETF"] } ] }""").Message);

    [Fact]
    public void A_group_in_two_files_is_refused()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "a.json"), """{ "schema": 1, "group": "g", "entries": [ { "same": ["a", "b"] } ] }""");

        Assert.Contains("b.json: group 'G' is defined in more than one file",
            Refused("""{ "schema": 1, "group": "G", "entries": [ { "same": ["c", "d"] } ] }""", "b.json").Message);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_refused()
    {
        Assert.Contains("does not exist", Assert.Throws<DomainDictionaryException>(() => DomainDictionary.Load(Path.Combine(_folder.Path, "none"))).Message);
        Assert.Contains("no *.json", Assert.Throws<DomainDictionaryException>(() => DomainDictionary.Load(_folder.Path)).Message);
    }

    public void Dispose() => _folder.Dispose();
}
