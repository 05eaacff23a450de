namespace Copilot.Llm;

/// <summary>What a model call was for, as recorded on its usage row.</summary>
public static class ModelPurpose
{
    public const string Chat = "chat";
    public const string Condense = "condense";
    public const string Rewrite = "rewrite";
    public const string Draft = "draft";
    public const string Judge = "judge";
    public const string Embedding = "embedding";
}
