using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Copilot.Knowledge.Dictionary;

/// <summary>Reads knowledge/dictionary/*.json and fails loudly, naming the file and entry, on anything it cannot use.</summary>
internal static partial class DomainDictionaryLoader
{
    public const int Schema = 1;
    public const float DefaultWeight = 0.7f;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Codes of the firm's products (ES4002) and exchange codes of listed funds and stocks (510300).</summary>
    [GeneratedRegex(@"^(?:[A-Z]{2}\d{4}|\d{6})$")]
    internal static partial Regex ProductCode();

    public static DomainDictionary Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DomainDictionaryException($"The dictionary folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new DomainDictionaryException($"The dictionary folder '{folder}' holds no *.json files.");

        var builder = new DomainDictionaryBuilder();
        var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(folder, file);
            var document = Read(file, name);
            if (string.IsNullOrWhiteSpace(document.Group))
                throw new DomainDictionaryException($"{name}: \"group\" is required.");
            if (!groups.Add(document.Group))
                throw new DomainDictionaryException($"{name}: group '{document.Group}' is defined in more than one file.");
            var weight = CheckWeight(document.Weight ?? DefaultWeight, $"{name}: weight");
            DocumentType? prefers = null;
            if (document.Prefers is { } preferred)
                prefers = Enum.TryParse<DocumentType>(preferred, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type
                    : throw new DomainDictionaryException($"{name}: prefers '{preferred}' is not one of: {string.Join(", ", Enum.GetNames<DocumentType>())}.");
            builder.Prefer(document.Group, prefers);
            if ((document.Entries?.Count ?? 0) + (document.Products?.Count ?? 0) == 0)
                throw new DomainDictionaryException($"{name}: the group has no entries and no products.");

            for (var i = 0; i < (document.Entries?.Count ?? 0); i++)
                AddEntry(builder, document.Group, document.Entries![i], weight, $"{name}: entries[{i}]");
            for (var i = 0; i < (document.Products?.Count ?? 0); i++)
                AddProduct(builder, document.Group, document.Products![i], weight, $"{name}: products[{i}]");
        }
        return builder.Build();
    }

    private static void AddEntry(DomainDictionaryBuilder builder, string group, DictionaryEntryDefinition entry, float groupWeight, string where)
    {
        var weight = CheckWeight(entry.Weight ?? groupWeight, where + ".weight");
        if (entry.Same is { } same)
        {
            if (entry.Terms is not null || entry.Means is not null)
                throw new DomainDictionaryException($"{where}: use either \"same\" or \"terms\" with \"means\", not both.");
            var terms = CheckTerms(same, where + ".same", minimum: 2);
            foreach (var term in terms)
                builder.Add(group, term, terms.Where(t => !string.Equals(t, term, StringComparison.OrdinalIgnoreCase)), weight, where);
            return;
        }
        var from = CheckTerms(entry.Terms, where + ".terms", minimum: 1);
        var to = CheckTerms(entry.Means, where + ".means", minimum: 1);
        foreach (var term in from) builder.Add(group, term, to, weight, where);
    }

    private static void AddProduct(DomainDictionaryBuilder builder, string group, ProductEntryDefinition product, float weight, string where)
    {
        if (product.Code is not { } code || !ProductCode().IsMatch(code))
            throw new DomainDictionaryException($"{where}.code: '{product.Code}' is not a product code (two capital letters and four digits, or six digits).");
        foreach (var name in CheckTerms(product.Names, where + ".names", minimum: 1))
            builder.AddProduct(group, name, code, weight, where);
    }

    private static List<string> CheckTerms(IReadOnlyList<string>? terms, string where, int minimum)
    {
        if (terms is null || terms.Count < minimum)
            throw new DomainDictionaryException($"{where}: needs at least {minimum} term{(minimum == 1 ? "" : "s")}.");
        var list = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i]?.Trim();
            if (string.IsNullOrEmpty(term))
                throw new DomainDictionaryException($"{where}[{i}]: a term must not be empty.");
            if (term.Length > 64)
                throw new DomainDictionaryException($"{where}[{i}]: a term must be at most 64 characters.");
            list.Add(term);
        }
        return list;
    }

    private static float CheckWeight(float weight, string where) =>
        weight is > 0 and <= 2 ? weight : throw new DomainDictionaryException($"{where}: {weight} is not in (0, 2].");

    private static DomainDictionaryFile Read(string file, string name)
    {
        DomainDictionaryFile? document;
        try
        {
            document = JsonSerializer.Deserialize<DomainDictionaryFile>(File.ReadAllBytes(file), Json);
        }
        catch (JsonException e)
        {
            throw new DomainDictionaryException($"{name}: not a valid dictionary file: {e.Message}", e);
        }
        if (document is null) throw new DomainDictionaryException($"{name}: the file is empty.");
        if (document.Schema != Schema) throw new DomainDictionaryException($"{name}: schema must be {Schema}, not {document.Schema}.");
        return document;
    }
}
