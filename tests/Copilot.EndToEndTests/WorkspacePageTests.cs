using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Drafting;
using Copilot.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Copilot.EndToEndTests;

/// <summary>An advisor in the workspace at / in a real browser: ask and open citations, follow up, pick a client, draft, revise.</summary>
public sealed class WorkspacePageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Client = "c-ws-sun";

    [BrowserFact]
    public async Task An_advisor_asks_opens_a_cited_passage_follows_up_and_finds_the_conversation_again()
    {
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        var errors = PageChecks.WatchForErrors(page);
        await page.GotoAsync(session.BaseAddress.ToString());
        Assert.Equal("Advisor Copilot · 投顾助手", await page.TitleAsync());

        await page.FillAsync("#message", "C2级客户能买R3的产品吗？");
        await page.Keyboard.PressAsync("Enter");
        var first = page.Locator(".turn.assistant").Nth(0);
        await first.Locator(".citations li").First.WaitForAsync();
        Assert.StartsWith("（未配置语言模型", await first.InnerTextAsync());
        Assert.Equal("template", await page.InnerTextAsync("#generator"));

        // The citation opens the whole passage the service holds for its chunk id, not the snippet the answer carried.
        var citation = first.Locator(".citations li").First;
        var title = (await citation.Locator("button").InnerTextAsync()).Split(" · ")[0];
        await citation.Locator("button").ClickAsync();
        var dialog = page.Locator("dialog#passage");
        await dialog.Locator("#passage-meta", new LocatorLocatorOptions { HasTextString = "·" }).WaitForAsync();
        Assert.Equal(title, await page.InnerTextAsync("#passage-title"));
        // The same caller's newest conversation, through the API: its first citation's chunk is what the dialog shows.
        var conversations = await Api().GetFromJsonAsync<JsonObject>("/v1/chat/conversations");
        var newest = conversations!["conversations"]!.AsArray()[0]!.Str("id");
        var messages = (await Api().GetFromJsonAsync<JsonObject>($"/v1/chat/conversations/{newest}"))!["messages"]!.AsArray();
        var chunkId = messages[1]!["citations"]!.AsArray()[0]!.Str("chunkId");
        var chunk = await Api().GetFromJsonAsync<JsonObject>($"/v1/knowledge/chunks/{Uri.EscapeDataString(chunkId)}");
        Assert.Equal(chunk!["document"]!.Str("title"), title);
        var shown = Flat(await page.InnerTextAsync("#passage-text"));
        await PageChecks.ScreenshotAsync(page, "workspace-chat-1280.png");
        Assert.Equal(Flat(System.Text.RegularExpressions.Regex.Replace(chunk.Str("text"), @"(?m)^\s*\d{1,3}[.)]\s+", "")), shown);
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await dialog.IsVisibleAsync());

        await page.FillAsync("#message", "那C3呢？");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".turn.assistant").Nth(1).Locator(".citations li").First.WaitForAsync();
        var listed = page.Locator("#conversation-list button.item", new PageLocatorOptions { HasTextString = "C2级客户能买R3" });
        await listed.WaitForAsync();

        await page.ClickAsync("#new");
        Assert.Equal(0, await page.Locator(".turn").CountAsync());
        await listed.ClickAsync();
        await page.Locator(".turn.assistant").Nth(1).WaitForAsync();
        Assert.Equal(2, await page.Locator(".turn.user").CountAsync());
        Assert.Equal("那C3呢？", await page.Locator(".turn.user").Nth(1).InnerTextAsync());
        Assert.True(await page.Locator(".turn.assistant").Nth(0).Locator(".citations button").CountAsync() > 0, "stored answers keep their citations");

        await PageChecks.AssertAccessibleAsync(page);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task An_advisor_picks_a_client_drafts_a_message_and_revises_it_when_sent_back()
    {
        await ImportClientsAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Desktop });
        var errors = PageChecks.WatchForErrors(page);
        await page.GotoAsync(session.BaseAddress.ToString());
        await page.ClickAsync("#tab-clients");

        await page.FillAsync("#client-filter", "孙");
        await page.Locator($"#client option[value='{Client}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(1, await page.Locator("#client option").CountAsync());
        await page.SelectOptionAsync("#client", Client);
        await page.Locator("#client-card", new PageLocatorOptions { HasTextString = "孙先生" }).WaitForAsync();
        await page.SelectOptionAsync("#scenario", "investment/market_drop");
        await page.SelectOptionAsync("#channel", "sms");
        await page.FillAsync("#notes", "客户上周问过是否要减仓");
        await page.ClickAsync("#draft-form button[type=submit]");

        var view = page.Locator("#draft-view");
        await view.Locator(".status", new LocatorLocatorOptions { HasTextString = "待审核" }).WaitForAsync();
        var id = await view.GetAttributeAsync("data-id");
        var stored = (await Api().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!;
        Assert.Equal(Client, stored.Str("clientId"));
        Assert.Equal("sms", stored.Str("channel"));
        Assert.Equal("market_drop", stored.Str("scenarioCode"));
        Assert.Equal(stored.Str("text"), await view.Locator(".draft-text").InnerTextAsync());
        await page.Locator($"#draft-list button[data-id='{id}']").WaitForAsync();

        // Compliance sends it back; the advisor opens it from the list, reads why, and revises into a promise the pre-check marks.
        (await Api().PostAsJsonAsync($"/v1/drafts/{id}/review", new { reviewerId = "officer", decision = "request_changes", comment = "请补充风险提示" })).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.ClickAsync("#tab-clients");
        await page.Locator($"#draft-list button[data-id='{id}']", new PageLocatorOptions { HasTextString = "待修改" }).ClickAsync();
        await view.Locator(".review-comment", new LocatorLocatorOptions { HasTextString = "请补充风险提示" }).WaitForAsync();
        await view.Locator("form.revise textarea").FillAsync("孙先生您好，这只基金稳赚不赔，放心买。");
        await view.Locator("form.revise button[type=submit]").ClickAsync();

        var mark = view.Locator(".draft-text mark.block").First;
        await mark.WaitForAsync();
        Assert.Contains("稳赚", await mark.InnerTextAsync());
        var revised = (await Api().GetFromJsonAsync<JsonObject>($"/v1/drafts/{id}"))!;
        Assert.Equal("PendingReview", revised.Str("status"));
        var rule = revised.RuleIds().First();
        Assert.Equal(rule, await mark.GetAttributeAsync("data-rule"));
        Assert.Contains(rule, await view.Locator(".findings").InnerTextAsync());
        Assert.Contains("待审核", await view.Locator(".status").InnerTextAsync());

        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "workspace-1280.png");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task An_empty_question_is_not_sent()
    {
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(session.BaseAddress.ToString());
        await page.ClickAsync("#ask button[type=submit]");
        // The input is required: the browser blocks the submit, nothing is asked.
        Assert.Equal(0, await page.Locator(".turn").CountAsync());
        Assert.False(await page.EvalOnSelectorAsync<bool>("#message", "el => el.checkValidity()"));
    }

    [BrowserFact]
    public async Task The_english_switch_translates_the_page_and_is_remembered()
    {
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Phone });
        await page.GotoAsync(session.BaseAddress.ToString());
        Assert.Equal("智能问答", await page.InnerTextAsync("#tab-chat"));
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("#lang");
        Assert.Equal("Ask", await page.InnerTextAsync("#tab-chat"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Ask, e.g. may a C2 client buy an R3 product?", await page.GetAttributeAsync("#message", "placeholder"));

        await page.ReloadAsync();
        Assert.Equal("Clients & messages", await page.InnerTextAsync("#tab-clients"));
        await page.ClickAsync("#lang");
        Assert.Equal("客户与消息", await page.InnerTextAsync("#tab-clients"));
    }

    [BrowserFact]
    public async Task At_phone_width_the_workspace_fits_and_passes_axe()
    {
        await ImportClientsAsync();
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = PageChecks.Phone });
        await page.GotoAsync(session.BaseAddress.ToString());
        await page.FillAsync("#message", "科创板开户要求");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".turn.assistant .citations li").First.WaitForAsync();

        // Nothing scrolls sideways: the layout is one column at 390 px.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "workspace-390.png");

        // The tabs follow the ARIA pattern: arrow keys move between them.
        await page.FocusAsync("#tab-chat");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("true", await page.GetAttributeAsync("#tab-clients", "aria-selected"));
        Assert.True(await page.IsVisibleAsync("#panel-clients"));
        Assert.False(await page.IsVisibleAsync("#panel-chat"));
        await page.Locator($"#client option[value='{Client}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await PageChecks.AssertAccessibleAsync(page);
    }

    private HttpClient Api() => session.Factory.CreateClient();

    // Text without whitespace and Markdown's marks, to compare a rendered passage with its source.
    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('|' or '-' or '#' or '*' or '>' or '`' or '+')));

    // The same file each time: a second import changes nothing.
    private async Task ImportClientsAsync()
    {
        var lines = string.Join('\n',
            """{"clientId":"c-ws-sun","advisorId":"demo-advisor","name":"孙先生","riskClass":"C4","horizonMonths":60,"language":"zh-CN","preferredChannel":"wechat","totalAssets":520000}""",
            """{"clientId":"c-ws-zhou","advisorId":"demo-advisor","name":"周女士","riskClass":"C2","horizonMonths":12,"language":"zh-CN"}""");
        var response = await Api().PostAsync("/v1/clients/import", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        response.EnsureSuccessStatusCode();
    }
}
