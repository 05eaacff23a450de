using System.Text;
using Copilot.Clients;
using Microsoft.Net.Http.Headers;

namespace Copilot.Api.Clients;

/// <summary>
/// The charset an import names on its content type (the body's or the multipart part's). Chinese Excel and CRMs export CSV
/// in GB18030 (or its subset GBK); such a file is decoded strictly and passed on as UTF-8, so the reader and the idempotency
/// fingerprint see one encoding. No charset, or UTF-8, leaves the bytes as sent (the reader refuses what is not UTF-8).
/// </summary>
internal static class ClientImportCharset
{
    // GB2312 and GBK are subsets of GB18030, and cp936 is what Windows calls GBK: one decoder reads them all.
    private static readonly string[] Gb18030Names = ["gb18030", "gbk", "gb2312", "cp936", "windows-936", "x-gbk"];

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The content as UTF-8; <paramref name="field"/> names where the charset was given (Content-Type or file).</summary>
    public static ReadOnlyMemory<byte> ToUtf8(ReadOnlyMemory<byte> content, string? contentType, string field)
    {
        var charset = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.Charset.Value?.Trim('"').Trim().ToLowerInvariant() : null;
        if (string.IsNullOrEmpty(charset) || charset is "utf-8" or "utf8") return content;
        if (!Gb18030Names.Contains(charset))
            throw new ClientImportFormatException(field, $"The charset '{Shorten(charset)}' is not read; send UTF-8, GB18030 or GBK (charset=gb18030).");
        string text;
        try
        {
            text = Gb18030.Value.GetString(content.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new ClientImportFormatException("file", $"The file is not valid GB18030 text, though the content type says charset={charset}.");
        }
        // A BOM some exporters write even in GB18030 (U+FEFF) would become part of the first column's name.
        return Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40];
}
