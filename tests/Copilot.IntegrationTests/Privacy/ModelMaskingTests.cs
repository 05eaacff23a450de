using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.IntegrationTests.Infrastructure;
using static Copilot.IntegrationTests.Privacy.PlantedIdentifiers;

namespace Copilot.IntegrationTests.Privacy;

/// <summary>The fake model with embeddings on and nothing seeded, so every request the model and the embedder get is recorded.</summary>
public class MaskingModelApi : ApiFixture
{
    public FakeOpenAiServer OpenAi { get; } = new();

    protected virtual IReadOnlyDictionary<string, string?>? Extra => null;

    protected override CopilotApiFactory CreateFactory() => CopilotApiFactory.ModelMode(OpenAi, seed: false, embeddings: true, extra: Extra);

    /// <summary>Every body the model and the embedder received since <paramref name="chat"/>/<paramref name="embeddings"/> requests.</summary>
    public string BodiesSince(int chat, int embeddings) => string.Join("\n",
        OpenAi.ChatRequests.Skip(chat).Concat(OpenAi.EmbeddingRequests.Skip(embeddings)).Select(b => b.ToJsonString(Relaxed)));

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Dispose();
    }
}

/// <summary>The same, with identifiers allowed to reach the model.</summary>
public sealed class UnmaskedModelApi : MaskingModelApi
{
    protected override IReadOnlyDictionary<string, string?> Extra => new Dictionary<string, string?> { ["Privacy:SendIdentifiersToModel"] = "true" };
}

/// <summary>ID card, bank card, phone and account numbers in a chat message never reach the model unless a setting allows it.</summary>
public sealed class ModelMaskingTests(MaskingModelApi api) : IClassFixture<MaskingModelApi>
{
    [Fact]
    public async Task Chat_sends_placeholders_to_the_model_and_the_embedder_and_keeps_them_in_the_conversation()
    {
        int chat = api.OpenAi.ChatRequests.Count, embeddings = api.OpenAi.EmbeddingRequests.Count;
        var first = await api.Client.PostJsonAsync("/v1/chat", new { message = Message });
        var id = first.Str("conversationId");
        await api.Client.PostJsonAsync("/v1/chat", new { message = $"那{IdCardWithX}这位呢？", conversationId = id });

        var bodies = api.BodiesSince(chat, embeddings);
        Assert.True(api.OpenAi.ChatRequests.Count - chat >= 3, "the answer, the follow-up's condensing and its answer all went to the model");
        AssertMasked(bodies);
        var history = (await api.Client.GetStringAsync($"/v1/chat/conversations/{id}"));
        Assert.DoesNotContain(IdCard, history);
        Assert.DoesNotContain(Mobile, history);
    }

    [Fact]
    public async Task Chat_completions_mask_every_message_streamed_or_not()
    {
        int chat = api.OpenAi.ChatRequests.Count, embeddings = api.OpenAi.EmbeddingRequests.Count;
        var messages = new object[]
        {
            new { role = "user", content = $"客户身份证{IdCard}，卡号{BankCard}" },
            new { role = "assistant", content = $"好的，已记下{Mobile}" },
            new { role = "user", content = new object[] { new { type = "text", text = Message } } },
        };
        await api.Client.PostJsonAsync("/v1/chat/completions", new { model = "advisor-copilot", messages });
        var streamed = await api.Client.PostAsJsonAsync("/v1/chat/completions", new { model = "advisor-copilot", stream = true, messages });
        Assert.Contains("[DONE]", await streamed.Content.ReadAsStringAsync());

        AssertMasked(api.BodiesSince(chat, embeddings));
    }

    private static void AssertMasked(string bodies)
    {
        foreach (var identifier in Identifiers) Assert.DoesNotContain(identifier, bodies);
        foreach (var placeholder in new[] { "[身份证号]", "[银行卡号]", "[手机号]", "[账号]" }) Assert.Contains(placeholder, bodies);
    }
}

/// <summary>With Privacy:SendIdentifiersToModel the model gets the message as typed.</summary>
public sealed class UnmaskedModelTests(UnmaskedModelApi api) : IClassFixture<UnmaskedModelApi>
{
    [Fact]
    public async Task The_setting_lets_identifiers_through()
    {
        var chat = api.OpenAi.ChatRequests.Count;
        await api.Client.PostJsonAsync("/v1/chat", new { message = Message });

        var bodies = api.BodiesSince(chat, int.MaxValue);
        Assert.Contains(IdCard, bodies);
        Assert.Contains(BankCard, bodies);
        Assert.DoesNotContain("[身份证号]", bodies);
    }
}
