using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Copilot.Knowledge.Extraction;

/// <summary>
/// Reads a leading YAML block between two "---" lines (YamlDotNet): scalars as they are, a list as its items joined by
/// ", " (productCodes: [ES1002, ES3001] reads as productCodes: ES1002, ES3001 does), nested maps ignored.
/// </summary>
public static class FrontMatter
{
    public static ExtractedText Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 2 || lines[0].Trim() != "---")
            return new ExtractedText(text.Trim(), ExtractedText.NoFrontMatter);

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "---") continue;
            return new ExtractedText(string.Join('\n', lines[(i + 1)..]).Trim(), Parse(string.Join('\n', lines[1..i])));
        }
        // No closing fence: it was not front matter after all.
        return new ExtractedText(text.Trim(), ExtractedText.NoFrontMatter);
    }

    private static Dictionary<string, string> Parse(string yaml)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            // YamlDotNet counts from the line after the opening "---"; the message counts as an editor shows the file.
            throw new UnreadableDocumentException(
                $"The front matter is not valid YAML (line {error.Start.Line + 1} of the file): {error.Message} Quote values that contain \": \".", error);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            return values;
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name }) continue;
            var text = value switch
            {
                YamlScalarNode scalar => scalar.Value ?? "",
                YamlSequenceNode list => string.Join(", ", list.Children.OfType<YamlScalarNode>().Select(item => item.Value).Where(v => !string.IsNullOrEmpty(v))),
                _ => null,
            };
            if (text is not null) values[name] = text.Trim();
        }
        return values;
    }
}
