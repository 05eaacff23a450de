namespace Copilot.Knowledge.Extraction;

/// <summary>Reads a leading block of "key: value" lines between two "---" lines.</summary>
public static class FrontMatter
{
    public static ExtractedText Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 2 || lines[0].Trim() != "---")
            return new ExtractedText(text.Trim(), ExtractedText.NoFrontMatter);

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "---")
                return new ExtractedText(string.Join('\n', lines[(i + 1)..]).Trim(), values);
            var colon = lines[i].IndexOf(':');
            if (colon > 0)
                values[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        // No closing fence: it was not front matter after all.
        return new ExtractedText(text.Trim(), ExtractedText.NoFrontMatter);
    }
}
