using System.Text.Json;
using Copilot.Api.Auth;
using Copilot.Chat;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;
using Copilot.Llm;

namespace Copilot.Api.OpenAiCompatible;

/// <summary>
/// An OpenAI-compatible chat completions endpoint (model "advisor-copilot"), so office assistants that speak
/// the OpenAI API can use the copilot. Stateless like the OpenAI API: the history comes with each request.
/// </summary>
public static class ChatCompletionsEndpoints
{
    public const string ModelName = "advisor-copilot";

    private static readonly JsonSerializerOptions OpenAiJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEndpointRouteBuilder MapChatCompletionsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", CompleteAsync).WithTags("OpenAI-compatible").WithName("ChatCompletions")
            .WithSummary("OpenAI-compatible chat completions (model advisor-copilot), streaming or not; citations are in the text")
            .Produces<ChatCompletion>().Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesValidationProblem()
            .RequireAuthorization(AuthPolicies.AnyCaller);
        app.MapGet("/v1/models", () => TypedResults.Json(
            new { @object = "list", data = new[] { new { id = ModelName, @object = "model", created = 0, owned_by = "advisor-copilot" } } }))
            .WithTags("OpenAI-compatible").WithName("ListModels").WithSummary("The one model this endpoint offers")
            .RequireAuthorization(AuthPolicies.AnyCaller);
        return app;
    }

    private static async Task CompleteAsync(
        ChatCompletionRequest body, HttpContext context, Caller caller, GroundedAnswerer answerer, GeneratorInfo generatorInfo, TokenCounter tokens,
        TimeProvider time, CancellationToken ct)
    {
        var (question, history) = Split(body);
        // An advisor's office assistant gets the advisor's copilot tools; other callers only ask questions.
        var advisorId = caller.Role == CallerRole.Advisor ? caller.AdvisorId : null;
        var filter = new KnowledgeFilter(ValidOn: DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = time.GetUtcNow().ToUnixTimeSeconds();

        if (body.Stream != true)
        {
            var answer = await answerer.AnswerAsync(question, history, filter, ct, advisorId, caller.AuthorFor(advisorId));
            var content = answer.Answer + CitationText.SourcesBlock(question, answer);
            var completion = new ChatCompletion(id, "chat.completion", created, ModelName,
                [new ChatCompletionChoice(0, new ChatCompletionMessage("assistant", content), "stop")],
                Usage(tokens, question, content), answer.Generator);
            await context.Response.WriteAsJsonAsync(completion, OpenAiJson, ct);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var streamed = new System.Text.StringBuilder();
        var generator = generatorInfo.Name;
        async Task SendAsync(object chunk)
        {
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk, OpenAiJson)}\n\n", ct);
            await context.Response.Body.FlushAsync(ct);
        }
        ChatCompletionChunk Chunk(ChatCompletionDelta delta, string? finish, ChatCompletionUsage? usage = null) =>
            new(id, "chat.completion.chunk", created, ModelName, usage is null ? [new ChatCompletionChunkChoice(0, delta, finish)] : [], usage, generator);

        await foreach (var item in answerer.StreamAsync(question, history, filter, ct, advisorId, caller.AuthorFor(advisorId)))
        {
            switch (item)
            {
                case AnswerDelta delta:
                    streamed.Append(delta.Text);
                    await SendAsync(Chunk(new ChatCompletionDelta(streamed.Length == delta.Text.Length ? "assistant" : null, delta.Text), null));
                    break;
                case AnswerCompleted done:
                    generator = done.Answer.Generator;
                    var sources = CitationText.SourcesBlock(question, done.Answer);
                    if (sources.Length > 0) await SendAsync(Chunk(new ChatCompletionDelta(null, sources), null));
                    await SendAsync(Chunk(new ChatCompletionDelta(null, null), "stop"));
                    await SendAsync(Chunk(new ChatCompletionDelta(null, null), null, Usage(tokens, question, done.Answer.Answer + sources)));
                    break;
            }
        }
        await context.Response.WriteAsync("data: [DONE]\n\n", ct);
    }

    // The last user message is the question; earlier user and assistant messages are the history.
    private static (string Question, IReadOnlyList<ChatTurn> History) Split(ChatCompletionRequest body)
    {
        if (body.Model is { Length: > 0 } model && model != ModelName)
            throw new InputValidationException("model", $"Unknown model '{model}'; this endpoint serves '{ModelName}'.");
        var messages = body.Messages ?? [];
        var last = messages.Count > 0 ? messages[^1] : null;
        if (last is null || last.Role != "user" || string.IsNullOrWhiteSpace(last.Text()))
            throw new InputValidationException("messages", "The last message must be a non-empty user message.");
        var history = messages.Take(messages.Count - 1)
            .Where(m => m.Role is "user" or "assistant" && !string.IsNullOrWhiteSpace(m.Text()))
            .Select(m => new ChatTurn(m.Role!, m.Text())).ToList();
        return (last.Text().Trim(), history);
    }

    private static ChatCompletionUsage Usage(TokenCounter tokens, string question, string answer)
    {
        int prompt = tokens.Count(question), completion = tokens.Count(answer);
        return new ChatCompletionUsage(prompt, completion, prompt + completion);
    }
}
