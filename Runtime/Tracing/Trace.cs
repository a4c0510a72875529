namespace Tutor;

/// <summary>An input of a traced function.</summary>
/// <param name="Name">The parameter's name in code.</param>
/// <param name="Value">The value it was called with.</param>
/// <param name="IsDifferentiable">False for <see cref="NoDiffAttribute"/> parameters and non-floating inputs.</param>
/// <param name="Gradient">∂f/∂input at the call; null when the input is not differentiable.</param>
public sealed record TraceInput(string Name, double Value, bool IsDifferentiable, double? Gradient);

/// <summary>One primitive operation of the forward pass, with what the backward pass learned about it.</summary>
/// <param name="Index">Position in evaluation order, from 0.</param>
/// <param name="Name">The variable it assigns (a code name such as <c>t3</c> or <c>y</c>).</param>
/// <param name="Op">The rule's name in the shared table (<c>Exp</c>, <c>Div</c>, <c>Copy</c>) or <c>Call:G</c>.</param>
/// <param name="Expression">The formula in code names, e.g. <c>t2 / t6</c>.</param>
/// <param name="Operands">The operands as written in code: names, or a constant's text.</param>
/// <param name="Value">The value computed.</param>
/// <param name="LocalDerivatives">∂(this step)/∂(operand) by operand position; null for an operand that received no
/// contribution (a constant, a non-differentiable input).</param>
/// <param name="Adjoint">The final adjoint of <paramref name="Name"/>: ∂f/∂(this step).</param>
public sealed record ForwardStep(int Index, string Name, string Op, string Expression, IReadOnlyList<string> Operands,
    double Value, IReadOnlyList<double?> LocalDerivatives, double Adjoint);

/// <summary>One chain-rule contribution of the backward pass: target̄ += sourcē · ∂source/∂target.</summary>
/// <param name="Index">Position in the order the backward pass ran (reverse evaluation order), from 0.</param>
/// <param name="Target">The variable whose adjoint grows.</param>
/// <param name="Source">The variable whose adjoint is passed back.</param>
/// <param name="SourceAdjoint">sourcē when the contribution was made.</param>
/// <param name="LocalDerivative">∂source/∂target at the forward values.</param>
/// <param name="Contribution">sourcē · ∂source/∂target.</param>
/// <param name="TargetAdjoint">target̄ after adding the contribution.</param>
/// <param name="Rule">The rule that gave the local derivative (as the generated code names it).</param>
public sealed record BackwardStep(int Index, string Target, string Source, double SourceAdjoint, double LocalDerivative,
    double Contribution, double TargetAdjoint, string Rule);

/// <summary>An <c>if</c> or <c>?:</c> decision on the executed path.</summary>
/// <param name="AfterStep">How many forward steps had run when the decision was made.</param>
/// <param name="Condition">The condition as written in code.</param>
/// <param name="Taken">Whether the condition was true.</param>
public sealed record TraceBranch(int AfterStep, string Condition, bool Taken);

/// <summary>
/// A recorded run of a <see cref="DifferentiableAttribute"/> function: every forward step with its value and every
/// backward contribution with its numbers. Built by <see cref="TraceBuilder"/>; read by reports and the stepper.
/// </summary>
public sealed class Trace
{
    internal Trace(string function, string precision, double value, IReadOnlyList<TraceInput> inputs,
        IReadOnlyList<ForwardStep> forward, IReadOnlyList<BackwardStep> backward, IReadOnlyList<TraceBranch> branches)
    {
        Function = function; Precision = precision; Value = value;
        Inputs = inputs; Forward = forward; Backward = backward; Branches = branches;
    }

    /// <summary>The traced function's name.</summary>
    public string Function { get; }

    /// <summary><c>float64</c> or <c>float32</c>: the arithmetic the function ran in (values are stored widened to double).</summary>
    public string Precision { get; }

    /// <summary>The function's result.</summary>
    public double Value { get; }

    /// <summary>The inputs in parameter order, with their gradients.</summary>
    public IReadOnlyList<TraceInput> Inputs { get; }

    /// <summary>The forward steps in evaluation order.</summary>
    public IReadOnlyList<ForwardStep> Forward { get; }

    /// <summary>The backward contributions in the order they ran (reverse evaluation order).</summary>
    public IReadOnlyList<BackwardStep> Backward { get; }

    /// <summary>The branch decisions on the executed path, in order.</summary>
    public IReadOnlyList<TraceBranch> Branches { get; }

    /// <summary>
    /// Aligned plain-text tables: the inputs, the forward part in evaluation order (branch decisions where they
    /// happened), and the backward part in the order it ran, one line per <c>+=</c> contribution, so a variable
    /// used twice visibly receives two.
    /// </summary>
    public string ToText() => TraceTextWriter.Write(this);

    /// <summary>The same as <see cref="ToText"/>.</summary>
    public override string ToString() => ToText();
}
