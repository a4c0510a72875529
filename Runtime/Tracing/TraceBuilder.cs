namespace Tutor;

/// <summary>
/// Records a run of a differentiable function. Generated <c>{Name}Trace</c> methods do the real arithmetic and
/// report each step here; <see cref="Build"/> then links the backward contributions to the forward steps.
/// </summary>
public sealed class TraceBuilder
{
    readonly string function;
    readonly string precision;
    readonly List<(string Name, double Value, bool Differentiable)> inputs = new();
    readonly List<(string Name, string Op, string Expression, string[] Operands, double Value)> forward = new();
    readonly List<TraceBranch> branches = new();
    readonly List<BackwardStep> backward = new();
    readonly HashSet<string> seeds = new(StringComparer.Ordinal);

    /// <summary>Starts a trace of <paramref name="function"/>.</summary>
    /// <param name="function">The function's name.</param>
    /// <param name="precision"><c>float64</c> or <c>float32</c>.</param>
    public TraceBuilder(string function, string precision)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(precision);
        if (precision != "float64" && precision != "float32")
            throw new ArgumentException($"Precision must be \"float64\" or \"float32\", not \"{precision}\".", nameof(precision));
        this.function = function;
        this.precision = precision;
    }

    /// <summary>Records an input (call in parameter order).</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="differentiable">False for <see cref="NoDiffAttribute"/> parameters.</param>
    public void Input(string name, double value, bool differentiable)
    {
        ArgumentNullException.ThrowIfNull(name);
        inputs.Add((name, value, differentiable));
    }

    /// <summary>Records one forward step.</summary>
    /// <param name="name">The variable assigned.</param>
    /// <param name="op">The rule's name in the shared table (<c>Exp</c>, <c>Div</c>, <c>Copy</c>) or <c>Call:G</c>.</param>
    /// <param name="expression">The formula in code names, e.g. <c>exp(y)</c> or <c>t2 / t6</c>.</param>
    /// <param name="operands">The operands as written in code (names, or a constant's text such as <c>3</c>).</param>
    /// <param name="value">The value computed.</param>
    public void Forward(string name, string op, string expression, string[] operands, double value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(operands);
        forward.Add((name, op, expression, (string[])operands.Clone(), value));
    }

    /// <summary>Records an <c>if</c> / <c>?:</c> decision on the executed path.</summary>
    /// <param name="condition">The condition as written in code.</param>
    /// <param name="taken">Whether it was true.</param>
    public void Branch(string condition, bool taken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        branches.Add(new TraceBranch(forward.Count, condition, taken));
    }

    /// <summary>Records that the backward pass starts with the adjoint of <paramref name="name"/> (the result) set to 1.</summary>
    /// <param name="name">The returned variable.</param>
    public void Seed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        seeds.Add(name);
    }

    /// <summary>Records one chain-rule contribution: target̄ += sourcē · ∂source/∂target.</summary>
    /// <param name="target">The variable whose adjoint grows (an operand of <paramref name="source"/>).</param>
    /// <param name="source">The variable whose adjoint is passed back.</param>
    /// <param name="sourceAdjoint">sourcē.</param>
    /// <param name="localDerivative">∂source/∂target.</param>
    /// <param name="targetAdjointAfter">target̄ after the addition.</param>
    /// <param name="rule">The rule that gave the local derivative.</param>
    public void Backward(string target, string source, double sourceAdjoint, double localDerivative, double targetAdjointAfter, string rule)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rule);
        backward.Add(new BackwardStep(backward.Count, target, source, sourceAdjoint, localDerivative,
            sourceAdjoint * localDerivative, targetAdjointAfter, rule));
    }

    /// <summary>
    /// Builds the trace: each forward step gets its local derivatives (from the contributions whose source is that
    /// step, matched to operand positions; an operand used twice, as in t·t, gets one contribution per position) and
    /// its final adjoint (the last target adjoint recorded for its name, else 1 if seeded, else 0).
    /// </summary>
    /// <param name="value">The function's result.</param>
    public Trace Build(double value)
    {
        var locals = new double?[forward.Count][];
        for (int i = 0; i < forward.Count; i++) locals[i] = new double?[forward[i].Operands.Length];

        foreach (var step in backward)
        {
            // The backward pass runs in reverse, so a contribution belongs to the latest occurrence of its source
            // that still has an unfilled position for that operand (names are reassigned only in loops).
            for (int i = forward.Count - 1; i >= 0; i--)
            {
                if (forward[i].Name != step.Source) continue;
                int slot = -1;
                for (int k = 0; k < forward[i].Operands.Length; k++)
                    if (forward[i].Operands[k] == step.Target && locals[i][k] is null) { slot = k; break; }
                if (slot < 0) continue;
                locals[i][slot] = step.LocalDerivative;
                break;
            }
        }

        var steps = new ForwardStep[forward.Count];
        for (int i = 0; i < forward.Count; i++)
        {
            var f = forward[i];
            steps[i] = new ForwardStep(i, f.Name, f.Op, f.Expression, f.Operands, f.Value, locals[i], FinalAdjoint(f.Name));
        }

        var traceInputs = new TraceInput[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var (name, v, diff) = inputs[i];
            traceInputs[i] = new TraceInput(name, v, diff, diff ? FinalAdjoint(name) : null);
        }

        return new Trace(function, precision, value, traceInputs, steps, backward.ToArray(), branches.ToArray());
    }

    double FinalAdjoint(string name)
    {
        for (int i = backward.Count - 1; i >= 0; i--)
            if (backward[i].Target == name) return backward[i].TargetAdjoint;
        return seeds.Contains(name) ? 1.0 : 0.0;
    }
}
