using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Prompts;

/// <summary>
/// One prompt's fence around data (passages, client records, conversation text, a message under review): every block
/// opens with &lt;data-ID kind="…"&gt; and closes with &lt;/data-ID&gt;, where ID is fresh random hex per request. Anything in the
/// data that looks like a fence marker is defused first, so a document cannot close its own block and speak as the prompt.
/// </summary>
public sealed partial class DataFence
{
    public DataFence(string id)
    {
        if (id.Length < 8 || !id.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException("A fence id is at least 8 ASCII letters or digits.", nameof(id));
        Id = id;
    }

    /// <summary>A fence with a random id, for one request.</summary>
    public static DataFence New() => new(RandomNumberGenerator.GetHexString(16, lowercase: true));

    public string Id { get; }

    /// <summary>The tag name the prompt's data rules refer to, e.g. data-1f3a….</summary>
    public string Tag => $"data-{Id}";

    /// <summary>The text as one data block of a kind ("passage", "client", "message"), its fence markers defused.</summary>
    public string Wrap(string kind, string? text, string? attributes = null)
    {
        var block = new StringBuilder().Append('<').Append(Tag).Append(" kind=\"").Append(kind).Append('"');
        if (attributes is { Length: > 0 }) block.Append(' ').Append(attributes);
        return block.Append(">\n").Append(Defuse(text ?? "").Trim('\n')).Append("\n</").Append(Tag).Append('>').ToString();
    }

    /// <summary>
    /// Text with every look-alike of a fence marker (&lt;data…, &lt;/data…, in ASCII or full-width brackets, with any id)
    /// turned into ‹data…, which no block ends with. Nothing else of the data changes, so quotes still match.
    /// </summary>
    public static string Defuse(string text) => Marker().Replace(text, "‹");

    // An opening bracket, optional slash and spaces, then "data": the start of anything that could pass for a marker.
    [GeneratedRegex(@"[<＜﹤〈⟨](?=[\s\u200b-\u200d\u2060\ufeff]*[/／]?[\s\u200b-\u200d\u2060\ufeff]*[dDｄＤ][aAａＡ][tTｔＴ][aAａＡ])")]
    private static partial Regex Marker();
}
