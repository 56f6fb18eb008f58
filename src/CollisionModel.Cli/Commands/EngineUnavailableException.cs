namespace CollisionModel.Cli.Commands;

/// <summary>A command's physics engine is not wired into <see cref="CliServices"/>: an internal failure (exit code 1).</summary>
public sealed class EngineUnavailableException(string command)
    : InvalidOperationException($"internal error: no engine for '{command}' is wired into this build (CliServices.{char.ToUpperInvariant(command[0])}{command[1..]} is null).");
