namespace Copilot.Llm;

/// <summary>What produced a response: "template" without a model, "llm:&lt;model&gt;" with one. Every response carries it.</summary>
public sealed record GeneratorInfo(string Name)
{
    public static readonly GeneratorInfo Template = new("template");

    public static GeneratorInfo ForModel(string model) => new($"llm:{model}");

    public bool IsTemplate => this == Template;
}
