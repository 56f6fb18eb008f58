namespace CollisionModel.Validation;

/// <summary>
/// Base type of every input error the library reports. The message always names the offending
/// argument or value and the reason it was rejected, so a caller can show it to a user unchanged.
/// </summary>
public class QuantumInputException : ArgumentException
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public QuantumInputException(string message, string? paramName = null) : base(message, paramName) { }
}

/// <summary>An operand has the wrong dimension (or its subsystem structure does not match).</summary>
public sealed class DimensionMismatchException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);

/// <summary>A matrix that must be Hermitian is not, beyond the stated tolerance.</summary>
public sealed class NotHermitianException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);

/// <summary>A density matrix does not have unit trace, beyond the stated tolerance.</summary>
public sealed class TraceNotOneException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);

/// <summary>A matrix that must be positive semidefinite has an eigenvalue below −tolerance.</summary>
public sealed class NegativeEigenvalueException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);

/// <summary>An input holds NaN or ±∞ where a finite number is required.</summary>
public sealed class NonFiniteValueException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);

/// <summary>A matrix that must be unitary is not, beyond the stated tolerance.</summary>
public sealed class NotUnitaryException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);

/// <summary>A scalar parameter lies outside its documented range.</summary>
public sealed class ParameterOutOfRangeException(string message, string? paramName = null)
    : QuantumInputException(message, paramName);
