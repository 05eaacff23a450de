namespace Copilot.Common;

/// <summary>The request cannot be applied to the resource's current state (HTTP 409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The caller may not do this with the value it sent in <paramref name="Field"/> (HTTP 403).</summary>
public sealed class ForbiddenException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The addressed resource does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);
