using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Copilot.UnitTests.Knowledge.Extraction;

/// <summary>Builds small .docx files in memory: paragraphs with an optional style id, and optional named styles.</summary>
internal sealed class WordDocumentBuilder
{
    private readonly List<(string? StyleId, string Text)> _paragraphs = [];
    private readonly List<(string StyleId, string StyleName)> _styles = [];
    private string? _title;

    public WordDocumentBuilder Paragraph(string text, string? styleId = null)
    {
        _paragraphs.Add((styleId, text));
        return this;
    }

    /// <summary>Declares a paragraph style, as Word does in styles.xml (e.g. id "1" named "heading 1" in Chinese Word).</summary>
    public WordDocumentBuilder Style(string styleId, string styleName)
    {
        _styles.Add((styleId, styleName));
        return this;
    }

    public WordDocumentBuilder Title(string title)
    {
        _title = title;
        return this;
    }

    public MemoryStream Build()
    {
        var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(_paragraphs.Select(ToParagraph)));
            if (_styles.Count > 0)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(_styles.Select(s =>
                    new Style(new StyleName { Val = s.StyleName }) { Type = StyleValues.Paragraph, StyleId = s.StyleId }));
            }
            if (_title is not null) word.PackageProperties.Title = _title;
        }
        stream.Position = 0;
        return stream;
    }

    private static Paragraph ToParagraph((string? StyleId, string Text) paragraph)
    {
        var result = new Paragraph(new Run(new Text(paragraph.Text)));
        if (paragraph.StyleId is not null)
            result.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = paragraph.StyleId }));
        return result;
    }
}
