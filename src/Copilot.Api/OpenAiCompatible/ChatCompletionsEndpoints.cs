using System.Text.Json;
using Copilot.Api.Auth;
using Copilot.Chat;
using Copilot.Common;
using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;
using Copilot.Llm;
using Microsoft.Extensions.Options;

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
        ModelBudget budget, TimeProvider time, IOptions<InputLimitsOptions> limits, CancellationToken ct)
    {
        var (question, history) = ChatCompletionMessages.Split(body, limits.Value);
        // An advisor's office assistant gets the advisor's copilot tools; other callers only ask questions.
        var advisorId = caller.Role == CallerRole.Advisor ? caller.AdvisorId : null;
        await budget.EnsureAvailableAsync(advisorId, ct);
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

        try
        {
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
        }
        catch (Exception e) when (context.Response.HasStarted && Hosting.ModelFailureExceptionHandler.ToProblem(e) is { } failed)
        {
            // Mid-stream the status line is gone: the failure ends the stream as an OpenAI error event, never as a short answer.
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(new { error = new { message = failed.Problem.Detail, type = "server_error", code = failed.Problem.Status } }, OpenAiJson)}\n\n", ct);
            return;
        }
        await context.Response.WriteAsync("data: [DONE]\n\n", ct);
    }

    private static ChatCompletionUsage Usage(TokenCounter tokens, string question, string answer)
    {
        int prompt = tokens.Count(question), completion = tokens.Count(answer);
        return new ChatCompletionUsage(prompt, completion, prompt + completion);
    }
}
