using System.Net.Http.Headers;
using System.Text;
using Copilot.IntegrationTests.Auth;
using Copilot.IntegrationTests.Infrastructure;

namespace Copilot.IntegrationTests.Clients;

/// <summary>
/// CSV in GB18030 / GBK, as Chinese Excel and CRMs export it: read when the content type names the charset (body or multipart
/// part), a 415 naming the encoding when it does not, never rows of mojibake. The bytes are written out by hand, not by the
/// encoder the service decodes with.
/// </summary>
public sealed class ClientImportCharsetTests(DemoClientApis apis) : IClassFixture<DemoClientApis>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>
    /// A header and one row for a-qian named 钱客户 (GBK: C7 AE BF CD BB A7), or with 𠀀 (U+20000, beyond GBK: the GB18030
    /// four-byte sequence 95 32 82 36) after it.
    /// </summary>
    private static byte[] Csv(string id, bool beyondGbk = false) =>
    [
        .. Ascii($"clientId,advisorId,name,riskClass\n{id},a-qian,"), 0xC7, 0xAE, 0xBF, 0xCD, 0xBB, 0xA7,
        .. (beyondGbk ? new byte[] { 0x95, 0x32, 0x82, 0x36 } : []), .. Ascii(",C2\n"),
    ];

    private static async Task<string> NameAsync(HttpClient crm, string id) =>
        (await crm.GetObjectAsync($"/v1/clients/{id}?advisorId=a-qian"))["portrait"]!.Str("name");

    [Theory, MemberData(nameof(Providers))]
    public async Task A_gb18030_or_gbk_body_or_part_is_decoded_when_its_content_type_says_so(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var body = await crm.ImportAsync(Csv($"gb-{provider[..2]}-1", beyondGbk: true), "text/csv; charset=GB18030");
        Assert.Equal(1, (await body.ReadObjectAsync()).Int("inserted"));
        Assert.Equal("钱客户𠀀", await NameAsync(crm, $"gb-{provider[..2]}-1"));

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Csv($"gb-{provider[..2]}-2"));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=gbk");
        form.Add(file, "file", "客户.csv");
        var part = await (await crm.PostAsync("/v1/clients/import", form)).ReadObjectAsync();
        Assert.Equal(1, part.Int("inserted"));
        Assert.Equal("钱客户", await NameAsync(crm, $"gb-{provider[..2]}-2"));

        // The same GB18030 file again changes nothing: it is compared as the text it holds.
        var again = await (await crm.ImportAsync(Csv($"gb-{provider[..2]}-1", beyondGbk: true), "text/csv; charset=gb18030")).ReadObjectAsync();
        Assert.Equal((0, 1), (again.Int("inserted"), again.Int("unchanged")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Gb18030_without_a_charset_an_unknown_charset_and_bytes_that_are_not_gb18030_are_415_and_write_nothing(string provider)
    {
        var crm = await apis.AsAsync(provider, KeyedApi.Crm);
        var id = $"gx-{provider[..2]}";
        var undeclared = await crm.ImportAsync(Csv(id), "text/csv");
        await ApiJson.AssertProblemAsync(undeclared, 415, "file");
        Assert.Contains("GB18030", await undeclared.Content.ReadAsStringAsync());

        var unknown = await crm.ImportAsync(Csv(id), "text/csv; charset=shift_jis");
        await ApiJson.AssertProblemAsync(unknown, 415, "Content-Type");
        Assert.Contains("shift_jis", await unknown.Content.ReadAsStringAsync());

        // 0x81 opens a two- or four-byte sequence; 0x20 cannot follow it in GB18030.
        byte[] broken = [.. Ascii($"clientId,advisorId,name,riskClass\n{id},a-qian,"), 0x81, 0x20, .. Ascii(",C2\n")];
        await ApiJson.AssertProblemAsync(await crm.ImportAsync(broken, "text/csv; charset=gb18030"), 415, "file");

        var list = await crm.GetObjectAsync("/v1/clients?advisorId=a-qian&pageSize=200");
        Assert.DoesNotContain(list["items"]!.AsArray(), c => c!.Str("id") == id);
    }
}
