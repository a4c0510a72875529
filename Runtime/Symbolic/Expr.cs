using Tutor.Rules;

namespace Tutor.Symbolic;

/// <summary>
/// An immutable expression tree over the ops of the shared rule table, with structural equality. Generated code
/// builds one per <see cref="DifferentiableAttribute"/> function; the engine differentiates it with the table's
/// rules, simplifies it for reading and writes it as LaTeX or plain text.
/// </summary>
public abstract class Expr : IEquatable<Expr>
{
    int hash;

    private protected Expr(params Expr[] children) { Children = children; }

    /// <summary>The sub-expressions, left to right (empty for leaves).</summary>
    public IReadOnlyList<Expr> Children { get; }

    /// <summary>A number.</summary>
    public static Expr Num(double value) => new NumberExpr(value);

    /// <summary>A variable: a parameter of the function, or one bound by <see cref="Evaluate"/>.</summary>
    public static Expr Var(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new VariableExpr(name);
    }

    /// <summary>An op of the shared table applied to operands, e.g. <c>Call("Exp", x)</c>.</summary>
    /// <exception cref="ArgumentException">The op is not in the table, or the operand count is not its arity.</exception>
    public static Expr Call(string op, params Expr[] args)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(args);
        var rule = ScalarRules.Find(op) ?? throw new ArgumentException($"Unknown op '{op}': it is not in the rule table (ScalarRules).", nameof(op));
        if (args.Length != rule.Arity)
            throw new ArgumentException($"Op '{op}' takes {rule.Arity} operand(s), not {args.Length}.", nameof(args));
        foreach (var a in args) ArgumentNullException.ThrowIfNull(a, nameof(args));
        return new CallExpr(rule, (Expr[])args.Clone());
    }

    /// <summary>A named constant such as ("π", Math.PI): printed by name (\pi, pi), evaluated to its value, derivative 0.</summary>
    public static Expr Constant(string name, double value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ConstantExpr(name, value);
    }

    /// <summary>
    /// An input-independent C# expression the engine cannot see into (a field, a call to a non-differentiable method):
    /// printed as written, derivative 0, and it cannot be evaluated.
    /// </summary>
    public static Expr Opaque(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new OpaqueExpr(text);
    }

    /// <summary>A comparison: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>==</c> or <c>!=</c>; evaluates to 1 (true) or 0.</summary>
    public static Expr Compare(string op, Expr left, Expr right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (op is not ("<" or "<=" or ">" or ">=" or "==" or "!="))
            throw new ArgumentException($"Unknown comparison '{op}'; use <, <=, >, >=, == or !=.", nameof(op));
        return new CompareExpr(op, left, right);
    }

    /// <summary>Logical and of two conditions.</summary>
    public static Expr And(Expr a, Expr b) => new LogicExpr(LogicOp.And, NotNull(a), NotNull(b));

    /// <summary>Logical or of two conditions.</summary>
    public static Expr Or(Expr a, Expr b) => new LogicExpr(LogicOp.Or, NotNull(a), NotNull(b));

    /// <summary>Logical negation of a condition.</summary>
    public static Expr Not(Expr a) => new LogicExpr(LogicOp.Not, NotNull(a));

    /// <summary><paramref name="whenTrue"/> where <paramref name="condition"/> holds (is non-zero), else <paramref name="whenFalse"/>.</summary>
    public static Expr Piecewise(Expr condition, Expr whenTrue, Expr whenFalse) =>
        new PiecewiseExpr(NotNull(condition), NotNull(whenTrue), NotNull(whenFalse));

    /// <summary>
    /// A call to another differentiable function: evaluated through <paramref name="callee"/> and differentiated by the
    /// chain rule, with the callee's partials (its parameters replaced by <paramref name="args"/>) times the
    /// derivatives of the arguments. Only the callee's differentiable parameters pass derivatives on, as in the
    /// generated gradient code.
    /// </summary>
    /// <exception cref="ArgumentException">The argument count is not the callee's parameter count.</exception>
    public static Expr Apply(string function, Derivation callee, params Expr[] args)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentNullException.ThrowIfNull(callee);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != callee.Parameters.Count)
            throw new ArgumentException($"{function} takes {callee.Parameters.Count} argument(s), not {args.Length}.", nameof(args));
        foreach (var a in args) ArgumentNullException.ThrowIfNull(a, nameof(args));
        return new ApplyExpr(function, callee, (Expr[])args.Clone());
    }

    /// <summary>The value with the variables bound as given.</summary>
    /// <exception cref="KeyNotFoundException">A variable is not bound.</exception>
    /// <exception cref="InvalidOperationException">The expression contains an <see cref="Opaque"/> part.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Eval(variables);
    }

    /// <summary>The derivative with respect to <paramref name="variable"/>, simplified.</summary>
    public Expr Differentiate(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return Simplifier.Simplify(Differentiator.Differentiate(this, variable));
    }

    /// <summary>An equal-valued expression that reads better: constants folded, 0·x, 1·x, x + 0, −(−x), Copy… removed.</summary>
    public Expr Simplify() => Simplifier.Simplify(this);

    /// <summary>LaTeX math (without $ delimiters).</summary>
    public string ToLatex() => new LatexWriter().Write(this);

    /// <summary>Plain text in the notation of C#-like formulas: <c>exp(y)</c>, <c>x^2</c>, <c>a / (b + c)</c>.</summary>
    public string ToText() => new PlainTextWriter().Write(this);

    /// <summary>The same as <see cref="ToText"/>.</summary>
    public override string ToString() => ToText();

    /// <summary>Structural equality: same kind of node, same data, equal children.</summary>
    public bool Equals(Expr? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.GetType() != GetType() || other.GetHashCode() != GetHashCode()) return false;
        if (!NodeEquals(other) || other.Children.Count != Children.Count) return false;
        for (int i = 0; i < Children.Count; i++)
            if (!Children[i].Equals(other.Children[i])) return false;
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Expr e && Equals(e);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (hash == 0)
        {
            var h = new HashCode();
            h.Add(GetType());
            h.Add(NodeHash());
            foreach (var c in Children) h.Add(c.GetHashCode());
            int v = h.ToHashCode();
            hash = v == 0 ? 1 : v;
        }
        return hash;
    }

    /// <summary>Whether <paramref name="variable"/> occurs in the expression (inside applied functions' arguments too).</summary>
    public bool DependsOn(string variable)
    {
        if (this is VariableExpr v) return v.Name == variable;
        foreach (var c in Children) if (c.DependsOn(variable)) return true;
        return false;
    }

    internal abstract double Eval(IReadOnlyDictionary<string, double> variables);

    /// <summary>The same node with new children (same count).</summary>
    internal abstract Expr WithChildren(Expr[] children);

    /// <summary>Equality of the node's own data, children aside.</summary>
    private protected abstract bool NodeEquals(Expr other);

    private protected abstract int NodeHash();

    /// <summary>Replaces variables by expressions, all at once (so names in the replacements are not replaced again).</summary>
    internal Expr Substitute(IReadOnlyDictionary<string, Expr> map)
    {
        if (this is VariableExpr v) return map.TryGetValue(v.Name, out var e) ? e : this;
        if (Children.Count == 0) return this;
        var kids = new Expr[Children.Count];
        bool changed = false;
        for (int i = 0; i < kids.Length; i++)
        {
            kids[i] = Children[i].Substitute(map);
            changed |= !ReferenceEquals(kids[i], Children[i]);
        }
        return changed ? WithChildren(kids) : this;
    }

    static Expr NotNull(Expr e, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(e))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(e, name);
        return e;
    }
}
