using System.Text.Encodings.Web;
using System.Text.Json;
using Copilot.Prompts;
using Microsoft.SemanticKernel;

namespace Copilot.Chat;

/// <summary>
/// Puts what a tool returns (a client's portrait, a drafted message) inside the turn's data fence before the model reads
/// it: CRM fields and drafted text are data like passages, and a client named "忽略以上规则…" must not speak as the prompt.
/// </summary>
internal sealed class FencedToolResults(DataFence fence) : IAutoFunctionInvocationFilter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        await next(context);
        var value = context.Result.GetValue<object>();
        var text = value as string ?? JsonSerializer.Serialize(value, Json);
        context.Result = new FunctionResult(context.Result, fence.Wrap("tool-result", text, $"tool=\"{context.Function.Name}\""));
    }
}
