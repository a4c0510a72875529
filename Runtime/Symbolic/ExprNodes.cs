using Tutor.Rules;

namespace Tutor.Symbolic;

/// <summary>A number.</summary>
public sealed class NumberExpr : Expr
{
    internal NumberExpr(double value) { Value = value; }

    /// <summary>The value.</summary>
    public double Value { get; }

    internal override double Eval(IReadOnlyDictionary<string, double> variables) => Value;
    internal override Expr WithChildren(Expr[] children) => this;
    // +0 and −0 are the same number to a reader, so they are equal here (double.Equals agrees).
    private protected override bool NodeEquals(Expr other) => Value.Equals(((NumberExpr)other).Value);
    private protected override int NodeHash() => Value == 0 ? 0 : Value.GetHashCode();
}

/// <summary>A variable.</summary>
public sealed class VariableExpr : Expr
{
    internal VariableExpr(string name) { Name = name; }

    /// <summary>The name in code.</summary>
    public string Name { get; }

    internal override double Eval(IReadOnlyDictionary<string, double> variables) =>
        variables.TryGetValue(Name, out var v) ? v : throw new KeyNotFoundException($"Variable '{Name}' has no value.");
    internal override Expr WithChildren(Expr[] children) => this;
    private protected override bool NodeEquals(Expr other) => Name == ((VariableExpr)other).Name;
    private protected override int NodeHash() => StringComparer.Ordinal.GetHashCode(Name);
}

/// <summary>A named constant such as π.</summary>
public sealed class ConstantExpr : Expr
{
    internal ConstantExpr(string name, double value) { Name = name; Value = value; }

    /// <summary>The name it prints as (π, e, τ, or any identifier).</summary>
    public string Name { get; }

    /// <summary>The value.</summary>
    public double Value { get; }

    internal override double Eval(IReadOnlyDictionary<string, double> variables) => Value;
    internal override Expr WithChildren(Expr[] children) => this;
    private protected override bool NodeEquals(Expr other) => Name == ((ConstantExpr)other).Name && Value.Equals(((ConstantExpr)other).Value);
    private protected override int NodeHash() => StringComparer.Ordinal.GetHashCode(Name);
}

/// <summary>An input-independent C# expression the engine does not look into.</summary>
public sealed class OpaqueExpr : Expr
{
    internal OpaqueExpr(string text) { Text = text; }

    /// <summary>The C# text.</summary>
    public string Text { get; }

    internal override double Eval(IReadOnlyDictionary<string, double> variables) =>
        throw new InvalidOperationException($"Cannot evaluate '{Text}': it is an opaque C# expression the symbolic engine cannot see into.");
    internal override Expr WithChildren(Expr[] children) => this;
    private protected override bool NodeEquals(Expr other) => Text == ((OpaqueExpr)other).Text;
    private protected override int NodeHash() => StringComparer.Ordinal.GetHashCode(Text);
}

/// <summary>An op of the shared rule table applied to operands.</summary>
public sealed class CallExpr : Expr
{
    internal CallExpr(ScalarRule rule, Expr[] args) : base(args) { Rule = rule; }

    internal ScalarRule Rule { get; }

    /// <summary>The op's name in the rule table (<c>Add</c>, <c>Exp</c>, <c>Pow</c>...).</summary>
    public string Op => Rule.Name;

    /// <summary>The operands.</summary>
    public IReadOnlyList<Expr> Args => Children;

    internal override double Eval(IReadOnlyDictionary<string, double> variables)
    {
        Span<double> values = stackalloc double[Children.Count];
        for (int i = 0; i < values.Length; i++) values[i] = Children[i].Eval(variables);
        return OpEvaluator.Evaluate(Rule.Name, values);
    }

    internal override Expr WithChildren(Expr[] children) => new CallExpr(Rule, children);
    private protected override bool NodeEquals(Expr other) => ReferenceEquals(Rule, ((CallExpr)other).Rule);
    private protected override int NodeHash() => StringComparer.Ordinal.GetHashCode(Rule.Name);
}

/// <summary>A comparison of two values; 1 when it holds, else 0.</summary>
public sealed class CompareExpr : Expr
{
    internal CompareExpr(string op, Expr left, Expr right) : base(left, right) { Op = op; }

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>==</c> or <c>!=</c>.</summary>
    public string Op { get; }

    /// <summary>The left side.</summary>
    public Expr Left => Children[0];

    /// <summary>The right side.</summary>
    public Expr Right => Children[1];

    internal static bool Holds(string op, double a, double b) => op switch
    {
        "<" => a < b, "<=" => a <= b, ">" => a > b, ">=" => a >= b, "==" => a == b, _ => a != b,
    };

    internal override double Eval(IReadOnlyDictionary<string, double> variables) =>
        Holds(Op, Left.Eval(variables), Right.Eval(variables)) ? 1.0 : 0.0;
    internal override Expr WithChildren(Expr[] children) => new CompareExpr(Op, children[0], children[1]);
    private protected override bool NodeEquals(Expr other) => Op == ((CompareExpr)other).Op;
    private protected override int NodeHash() => StringComparer.Ordinal.GetHashCode(Op);
}

/// <summary>The logical connectives.</summary>
public enum LogicOp
{
    /// <summary>Both hold.</summary>
    And,
    /// <summary>Either holds.</summary>
    Or,
    /// <summary>The operand does not hold.</summary>
    Not,
}

/// <summary>And, or, not over conditions (non-zero is true); 1 when it holds, else 0.</summary>
public sealed class LogicExpr : Expr
{
    internal LogicExpr(LogicOp op, params Expr[] args) : base(args) { Op = op; }

    /// <summary>The connective.</summary>
    public LogicOp Op { get; }

    internal override double Eval(IReadOnlyDictionary<string, double> variables) => Op switch
    {
        LogicOp.And => Children[0].Eval(variables) != 0 && Children[1].Eval(variables) != 0 ? 1.0 : 0.0,
        LogicOp.Or => Children[0].Eval(variables) != 0 || Children[1].Eval(variables) != 0 ? 1.0 : 0.0,
        _ => Children[0].Eval(variables) != 0 ? 0.0 : 1.0,
    };

    internal override Expr WithChildren(Expr[] children) => new LogicExpr(Op, children);
    private protected override bool NodeEquals(Expr other) => Op == ((LogicExpr)other).Op;
    private protected override int NodeHash() => (int)Op;
}

/// <summary>A two-way choice: the value of an <c>if</c> or <c>?:</c>.</summary>
public sealed class PiecewiseExpr : Expr
{
    internal PiecewiseExpr(Expr condition, Expr whenTrue, Expr whenFalse) : base(condition, whenTrue, whenFalse) { }

    /// <summary>The condition (non-zero is true).</summary>
    public Expr Condition => Children[0];

    /// <summary>The value where the condition holds.</summary>
    public Expr WhenTrue => Children[1];

    /// <summary>The value elsewhere.</summary>
    public Expr WhenFalse => Children[2];

    // Only the chosen branch is evaluated, as in C#: the other may be NaN or throw.
    internal override double Eval(IReadOnlyDictionary<string, double> variables) =>
        Condition.Eval(variables) != 0 ? WhenTrue.Eval(variables) : WhenFalse.Eval(variables);
    internal override Expr WithChildren(Expr[] children) => new PiecewiseExpr(children[0], children[1], children[2]);
    private protected override bool NodeEquals(Expr other) => true;
    private protected override int NodeHash() => 3;
}

/// <summary>A call to another differentiable function.</summary>
public sealed class ApplyExpr : Expr
{
    internal ApplyExpr(string function, Derivation callee, Expr[] args) : base(args) { Function = function; Callee = callee; }

    /// <summary>The called function's name.</summary>
    public string Function { get; }

    /// <summary>The called function's derivation.</summary>
    public Derivation Callee { get; }

    /// <summary>The arguments, in the callee's parameter order.</summary>
    public IReadOnlyList<Expr> Args => Children;

    internal override double Eval(IReadOnlyDictionary<string, double> variables)
    {
        var values = new double[Children.Count];
        for (int i = 0; i < values.Length; i++) values[i] = Children[i].Eval(variables);
        return Callee.Evaluate(values);
    }

    internal override Expr WithChildren(Expr[] children) => new ApplyExpr(Function, Callee, children);
    private protected override bool NodeEquals(Expr other) =>
        Function == ((ApplyExpr)other).Function && ReferenceEquals(Callee, ((ApplyExpr)other).Callee);
    private protected override int NodeHash() => StringComparer.Ordinal.GetHashCode(Function);
}
