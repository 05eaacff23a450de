namespace Copilot.Knowledge.Extraction;

/// <summary>Markdown and plain text, with optional front matter.</summary>
public sealed class PlainTextExtractor : ITextExtractor
{
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown", ".txt"];

    public ExtractedText Extract(Stream content, CancellationToken ct = default) => FrontMatter.Split(TextDecoder.Decode(content));
}
