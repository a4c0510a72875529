using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tutor.Generator.Diagnostics;
using Tutor.Generator.Model;
using Tutor.Rules;

namespace Tutor.Generator.Parsing
{
    internal sealed partial class Lowering
    {
        delegate List<Stmt> Then(Atom atom, ImmutableDictionary<ISymbol, Binding> env);
        delegate List<Stmt> ThenMany(List<Atom> atoms, ImmutableDictionary<ISymbol, Binding> env);
        delegate List<Stmt> ThenCondition(Condition condition, ImmutableDictionary<ISymbol, Binding> env);

        /// <summary>The name (and type) the outermost step of an expression should get, e.g. the local it initialises.</summary>
        sealed record Target(string Name, string Type);

        /// <summary>
        /// Whether <paramref name="expression"/> carries a derivative: it has a floating-point type and depends on a
        /// differentiable input. (<c>(int)x</c>, <c>x &gt; 0</c> and <c>Math.Sign(x)</c> do not: their types are not floating.)
        /// </summary>
        bool IsActive(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env)
        {
            var type = model.GetTypeInfo(expression, ct).Type;
            if (type is null || !(Parser.IsScalar(type) || TensorTypes.IsTensor(type))) return false;
            switch (expression)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call when IsTensorExpression(member.Expression):
                    // t.ToScalar(): active when the tensor is (the member access itself has no type).
                    return IsActive(member.Expression, env) || call.ArgumentList.Arguments.Any(a => IsActive(a.Expression, env));
                case IdentifierNameSyntax:
                    var symbol = model.GetSymbolInfo(expression, ct).Symbol;
                    return symbol is not null && env.TryGetValue(symbol, out var binding) && binding.Active;
                case LiteralExpressionSyntax:
                    return false;
                case ConditionalExpressionSyntax conditional:
                    return IsActive(conditional.WhenTrue, env) || IsActive(conditional.WhenFalse, env);
                case ElementAccessExpressionSyntax access when ArrayOf(access, env) is { } array:
                    return array.Active;
                default:
                    return DirectSubexpressions(expression).Any(e => IsActive(e, env) || ArrayArgument(e, env) is { Active: true });
            }
        }

        static IEnumerable<ExpressionSyntax> DirectSubexpressions(ExpressionSyntax expression) =>
            expression.DescendantNodes(n => n == expression || n is not ExpressionSyntax).OfType<ExpressionSyntax>();

        /// <summary>Lowers an expression and passes the atom holding its value to <paramref name="then"/>.</summary>
        /// <param name="passive">Inside a branch condition: compute values, but give them no adjoint.</param>
        List<Stmt> LowerExpression(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env, bool passive, Target? target, Then then)
        {
            ct.ThrowIfCancellationRequested();
            if (aborted) return new List<Stmt>();
            while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
            int line = Line(expression);

            if (!IsActive(expression, env))
            {
                var list = new List<Stmt>();
                var atom = LowerConstant(expression, env, list);
                if (target is not null)
                    return Concat(list, EmitRule("Copy", new[] { atom }, target, passive, line, env, then));
                list.AddRange(then(atom, env));
                return list;
            }

            if (IsTensorExpression(expression))
                return LowerTensor(expression, env, passive, target, line, then);

            switch (expression)
            {
                case IdentifierNameSyntax:
                    var binding = env[model.GetSymbolInfo(expression, ct).Symbol!];
                    var variable = new Atom(binding.Name, binding.Active && !passive, null);
                    return target is null ? then(variable, env) : EmitRule("Copy", new[] { variable }, target, passive, line, env, then);

                case BinaryExpressionSyntax binary when BinaryOp(binary.Kind()) is { } op:
                    return LowerExpression(binary.Left, env, passive, null, (left, e1) =>
                        LowerExpression(binary.Right, e1, passive, null, (right, e2) =>
                            EmitRule(op, new[] { left, right }, target ?? TempOf(binary), passive, line, e2, then)));

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    return LowerExpression(unary.Operand, env, passive, null, (operand, e) =>
                        EmitRule("Neg", new[] { operand }, target ?? TempOf(unary), passive, line, e, then));

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                    return LowerExpression(unary.Operand, env, passive, target, then);

                case CastExpressionSyntax cast:
                    return LowerExpression(cast.Expression, env, passive, null, (operand, e) =>
                        EmitRule("Copy", new[] { operand }, target ?? TempOf(cast), passive, line, e, then));

                case ConditionalExpressionSyntax conditional:
                    // Both branches define the same name; the code after the ?: is copied into each.
                    var result = target ?? TempOf(conditional);
                    return LowerCondition(conditional.Condition, env, (condition, e) => new List<Stmt>
                    {
                        new If(condition,
                            new Block(LowerExpression(conditional.WhenTrue, e, passive, result, then).ToEquatableArray()),
                            new Block(LowerExpression(conditional.WhenFalse, e, passive, result, then).ToEquatableArray())),
                    });

                case InvocationExpressionSyntax invocation:
                    return LowerInvocation(invocation, env, passive, target, line, then);

                case ElementAccessExpressionSyntax access:
                    return LowerLoad(access, env, passive, target, then);
            }

            Report(Descriptors.UnsupportedExpression, expression, Clip(expression.ToString()), Describe(expression), Advice(expression));
            return then(new Atom("double.NaN", false, double.NaN), env);
        }

        Target TempOf(ExpressionSyntax expression) => new Target(names.Temp(), TypeOf(expression));

        string TypeOf(ExpressionSyntax expression) =>
            model.GetTypeInfo(expression, ct).Type is { } type ? Parser.TypeName(type) : "double";

        static string? BinaryOp(SyntaxKind kind) => kind switch
        {
            SyntaxKind.AddExpression => "Add",
            SyntaxKind.SubtractExpression => "Sub",
            SyntaxKind.MultiplyExpression => "Mul",
            SyntaxKind.DivideExpression => "Div",
            _ => null,
        };

        List<Stmt> EmitRule(string op, Atom[] args, Target target, bool passive, int line, ImmutableDictionary<ISymbol, Binding> env, Then then)
        {
            var rule = ScalarRules.Find(op)!;
            bool active = !passive && !rule.IsPiecewiseConstant && args.Any(a => a.Active);
            var let = new Let(target.Name, target.Type, StepKind.Rule, op, args.ToEquatableArray(), active, "", null, null, Display(rule, args), line);
            var list = new List<Stmt> { let };
            list.AddRange(then(new Atom(target.Name, active, null), env));
            return list;
        }

        /// <summary>The step in the notation of the rule table's Text column, with operands by their IR names.</summary>
        static string Display(ScalarRule rule, IReadOnlyList<Atom> args)
        {
            var text = rule.Text;
            for (int i = 0; i < args.Count; i++)
            {
                var code = args[i].Code;
                text = text.Replace("@" + i, code).Replace("#" + i, IsAtomic(code) ? code : "(" + code + ")");
            }
            return text;
        }

        static bool IsAtomic(string code) => code.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.');

        List<Stmt> LowerInvocation(InvocationExpressionSyntax invocation, ImmutableDictionary<ISymbol, Binding> env, bool passive, Target? target, int line, Then then)
        {
            var symbol = model.GetSymbolInfo(invocation, ct).Symbol as IMethodSymbol;
            var arguments = invocation.ArgumentList.Arguments;
            if (symbol is null)
            {
                Report(Descriptors.UnknownMethod, invocation, Clip(invocation.ToString()), Clip(invocation.Expression.ToString()));
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            var bad = arguments.FirstOrDefault(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None));
            if (bad is not null)
            {
                Report(Descriptors.UnsupportedExpression, bad, Clip(bad.ToString()), "a named or ref/out argument", "pass arguments by position and by value");
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            if (LowerTensorScalar(invocation, symbol, env, passive, target, line, then) is { } scalar) return scalar;

            var home = symbol.ContainingType?.ToDisplayString() switch
            {
                "System.Math" => RuleHome.Math,
                "System.MathF" => RuleHome.Math,
                "Tutor.StableMath" => RuleHome.StableMath,
                "Tutor.Partials" => RuleHome.Partials,
                _ => (RuleHome?)null,
            };
            if (home is { } h && ScalarRules.FindMethod(h, symbol.Name, arguments.Count) is { } rule && symbol.Parameters.All(p => Parser.IsScalar(p.Type)))
            {
                return LowerArguments(arguments, 0, env, passive, new List<Atom>(), (atoms, e) =>
                    EmitRule(rule.Name, atoms.ToArray(), target ?? TempOf(invocation), passive, line, e, then));
            }

            if (symbol.IsStatic && symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Parser.DifferentiableAttribute)
                && Parser.IsScalar(symbol.ReturnType))
            {
                if (symbol.Parameters.Any(p => TensorTypes.IsTensor(p.Type)))
                {
                    Report(Descriptors.UnsupportedExpression, invocation, Clip(invocation.ToString()), "a call to a [Differentiable] method with tensor parameters",
                        "calls between tensor methods are not supported yet; write the callee's tensor ops in this method, or return its result through a scalar parameter");
                    return then(new Atom("double.NaN", false, double.NaN), env);
                }
                var flags = symbol.Parameters.Select(p => Activity.IsFloating(p.Type) && !p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Parser.NoDiffAttribute)).ToArray();
                for (int i = 0; i < arguments.Count && i < flags.Length; i++)
                    if (!flags[i] && (IsActive(arguments[i].Expression, env) || ArrayArgument(arguments[i].Expression, env) is { Active: true }))
                        Report(Descriptors.NoDiffArgument, arguments[i], Clip(arguments[i].ToString()), symbol.Parameters[i].Name, symbol.Name);
                var call = new CallInfo(symbol.ContainingType!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), symbol.Name, flags.ToEquatableArray(),
                    symbol.Parameters.Select(p => Parser.TypeName(p.Type)).ToEquatableArray());
                return LowerArguments(arguments, 0, env, passive, new List<Atom>(), (atoms, e) =>
                {
                    var t = target ?? TempOf(invocation);
                    bool active = !passive && atoms.Where((a, i) => i < flags.Length && flags[i]).Any(a => a.Active);
                    var display = symbol.Name + "(" + string.Join(", ", atoms.Select(a => a.Code)) + ")";
                    var let = new Let(t.Name, t.Type, StepKind.Call, "Call:" + symbol.Name, atoms.ToEquatableArray(), active, "", call, null, display, line);
                    var list = new List<Stmt> { let };
                    list.AddRange(then(new Atom(t.Name, active, null), e));
                    return list;
                });
            }

            Report(Descriptors.UnknownMethod, invocation, Clip(invocation.ToString()), symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name);
            return then(new Atom("double.NaN", false, double.NaN), env);
        }

        /// <summary>An argument that is a double[]/float[] variable: passed by reference, with its activity.</summary>
        Binding? ArrayArgument(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env) =>
            expression is IdentifierNameSyntax && model.GetSymbolInfo(expression, ct).Symbol is { } s && env.TryGetValue(s, out var b) && b.Type.EndsWith("[]") ? b : null;

        List<Stmt> LowerArguments(SeparatedSyntaxList<ArgumentSyntax> arguments, int index, ImmutableDictionary<ISymbol, Binding> env, bool passive, List<Atom> atoms, ThenMany then)
        {
            if (index == arguments.Count) return then(atoms, env);
            if (ArrayArgument(arguments[index].Expression, env) is { } array)
                return LowerArguments(arguments, index + 1, env, passive, new List<Atom>(atoms) { new Atom(array.Name, array.Active && !passive, null) }, then);
            return LowerExpression(arguments[index].Expression, env, passive, null, (atom, e) =>
                LowerArguments(arguments, index + 1, e, passive, new List<Atom>(atoms) { atom }, then));
        }

        /// <summary>
        /// An expression that does not depend on a differentiable input: a literal or a variable stays an atom;
        /// anything else is computed once into a constant (c1, c2 ...), so that a call such as Random.Next() is not
        /// re-run by the backward sweep.
        /// </summary>
        Atom LowerConstant(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env, List<Stmt> list)
        {
            while (expression is ParenthesizedExpressionSyntax p) expression = p.Expression;
            var constant = model.GetConstantValue(expression, ct);
            if (expression is LiteralExpressionSyntax literal && constant.HasValue && Numbers.ToDouble(constant.Value) is { } value)
                return new Atom(literal.Token.Text, false, value);
            if (expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax negated } && expression.IsKind(SyntaxKind.UnaryMinusExpression)
                && constant.HasValue && Numbers.ToDouble(constant.Value) is { } negative)
                return new Atom("(-" + negated.Token.Text + ")", false, negative);
            if (expression is IdentifierNameSyntax && model.GetSymbolInfo(expression, ct).Symbol is { } symbol && env.TryGetValue(symbol, out var binding))
                return new Atom(binding.Name, false, null);

            list.Add(ConstantLet(names.Constant(), TypeOf(expression), expression, env));
            return new Atom(((Let)list[list.Count - 1]).Name, false, null);
        }

        /// <summary>A constant step; pure ones (see <see cref="StepKind.Constant"/>) record the names they read.</summary>
        Let ConstantLet(string name, string type, ExpressionSyntax value, ImmutableDictionary<ISymbol, Binding> env)
        {
            var constant = model.GetConstantValue(value, ct);
            var reads = new List<Atom>();
            bool pure = PureReads(value, env, reads);
            var code = Substitute(value, env);
            return new Let(name, type, StepKind.Constant, pure ? "Expr" : "Const", pure ? reads.ToEquatableArray() : EquatableArray<Atom>.Empty,
                false, code, null, constant.HasValue ? Numbers.ToDouble(constant.Value) : null, code, Line(value));
        }

        /// <summary>
        /// Whether <paramref name="expression"/> can be evaluated again later with the same result: literals, this
        /// method's variables, arithmetic and comparisons, Math functions, array lengths, and elements of arrays the
        /// method never writes. Collects the IR names it reads.
        /// </summary>
        bool PureReads(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env, List<Atom> reads)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax:
                    return true;
                case IdentifierNameSyntax:
                    var symbol = model.GetSymbolInfo(expression, ct).Symbol;
                    if (symbol is not null && env.TryGetValue(symbol, out var binding))
                    {
                        reads.Add(new Atom(binding.Name, false, null));
                        return true;
                    }
                    return model.GetConstantValue(expression, ct).HasValue;
                case ParenthesizedExpressionSyntax p:
                    return PureReads(p.Expression, env, reads);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression) || u.IsKind(SyntaxKind.UnaryPlusExpression) || u.IsKind(SyntaxKind.LogicalNotExpression):
                    return PureReads(u.Operand, env, reads);
                case BinaryExpressionSyntax b:
                    return PureReads(b.Left, env, reads) && PureReads(b.Right, env, reads);
                case CastExpressionSyntax c:
                    return PureReads(c.Expression, env, reads);
                case ConditionalExpressionSyntax q:
                    return PureReads(q.Condition, env, reads) && PureReads(q.WhenTrue, env, reads) && PureReads(q.WhenFalse, env, reads);
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } m when m.Expression is IdentifierNameSyntax:
                    return PureReads(m.Expression, env, reads);
                case MemberAccessExpressionSyntax m:
                    return model.GetConstantValue(m, ct).HasValue;
                case ElementAccessExpressionSyntax e when e.ArgumentList.Arguments.Count == 1 && e.Expression is IdentifierNameSyntax
                    && model.GetSymbolInfo(e.Expression, ct).Symbol is { } array && SameWhenReversed(array, e):
                    return PureReads(e.Expression, env, reads) && PureReads(e.ArgumentList.Arguments[0].Expression, env, reads);
                case InvocationExpressionSyntax i when model.GetSymbolInfo(i, ct).Symbol is IMethodSymbol { ContainingType: { } t } && t.ToDisplayString() is "System.Math" or "System.MathF":
                    return i.ArgumentList.Arguments.All(a => PureReads(a.Expression, env, reads));
                default:
                    return false;
            }
        }


        /// <summary>The expression's C# text with each local and parameter replaced by the IR name of its current value.</summary>
        string Substitute(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env)
        {
            var text = expression.ToString();
            int start = expression.SpanStart;
            var builder = new StringBuilder();
            int position = 0;
            foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().OrderBy(i => i.SpanStart))
            {
                if (model.GetSymbolInfo(identifier, ct).Symbol is not { } symbol || !env.TryGetValue(symbol, out var binding)) continue;
                if (binding.Name == identifier.Identifier.ValueText) continue;
                int offset = identifier.SpanStart - start;
                if (offset < position) continue;
                builder.Append(text, position, offset - position).Append(binding.Name);
                position = offset + identifier.Span.Length;
            }
            builder.Append(text, position, text.Length - position);
            return builder.ToString();
        }

        List<Stmt> LowerCondition(ExpressionSyntax condition, ImmutableDictionary<ISymbol, Binding> env, ThenCondition then)
        {
            while (condition is ParenthesizedExpressionSyntax p) condition = p.Expression;
            switch (condition)
            {
                case BinaryExpressionSyntax logical when logical.IsKind(SyntaxKind.LogicalAndExpression) || logical.IsKind(SyntaxKind.LogicalOrExpression):
                    var op = logical.IsKind(SyntaxKind.LogicalAndExpression) ? "&&" : "||";
                    return LowerCondition(logical.Left, env, (left, e1) =>
                        LowerCondition(logical.Right, e1, (right, e2) => then(new Logical(op, left, right), e2)));
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return LowerCondition(not.Operand, env, (operand, e) => then(new Not(operand), e));
                case BinaryExpressionSyntax comparison when ComparisonOp(comparison.Kind()) is { } compare
                    && IsNumeric(comparison.Left) && IsNumeric(comparison.Right):
                    return LowerExpression(comparison.Left, env, true, null, (left, e1) =>
                        LowerExpression(comparison.Right, e1, true, null, (right, e2) => then(new Compare(compare, left, right), e2)));
                default:
                    return then(new OpaqueCondition(Substitute(condition, env)), env);
            }
        }

        bool IsNumeric(ExpressionSyntax expression) => model.GetTypeInfo(expression, ct).Type?.SpecialType switch
        {
            SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32 or SpecialType.System_Int64 => true,
            _ => false,
        };

        static string? ComparisonOp(SyntaxKind kind) => kind switch
        {
            SyntaxKind.LessThanExpression => "<",
            SyntaxKind.LessThanOrEqualExpression => "<=",
            SyntaxKind.GreaterThanExpression => ">",
            SyntaxKind.GreaterThanOrEqualExpression => ">=",
            SyntaxKind.EqualsExpression => "==",
            SyntaxKind.NotEqualsExpression => "!=",
            _ => null,
        };

        static List<Stmt> Concat(List<Stmt> first, List<Stmt> second)
        {
            first.AddRange(second);
            return first;
        }

        static string Clip(string text)
        {
            text = string.Join(" ", text.Split(new[] { '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        static string Describe(ExpressionSyntax expression) => expression switch
        {
            LambdaExpressionSyntax => "a lambda",
            ElementAccessExpressionSyntax => "an array or indexer element",
            MemberAccessExpressionSyntax => "a field or property of a differentiable value",
            AssignmentExpressionSyntax => "an assignment inside an expression",
            RefExpressionSyntax => "a ref expression",
            SwitchExpressionSyntax => "a switch expression",
            BinaryExpressionSyntax b => "operator '" + b.OperatorToken.Text + "'",
            PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax => "an increment or decrement inside an expression",
            ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => "an object creation",
            _ => "a " + expression.Kind().ToString().Replace("Expression", "").ToLowerInvariant() + " expression",
        };

        static string Advice(ExpressionSyntax expression) => expression switch
        {
            LambdaExpressionSyntax => "write the lambda's body as a static [Differentiable] method and call it",
            ElementAccessExpressionSyntax => "arrays arrive with loops (the next release); pass the elements as separate double parameters",
            MemberAccessExpressionSyntax => "copy the value into a local double first, or pass it as a parameter",
            SwitchExpressionSyntax => "write it as ?: or if/else",
            BinaryExpressionSyntax b when b.IsKind(SyntaxKind.ModuloExpression) => "write a % b as a - b * Math.Truncate(a / b)",
            PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax or AssignmentExpressionSyntax => "make the assignment a statement of its own",
            _ => "use + - * /, Math/MathF/StableMath functions, ?: and calls to [Differentiable] methods",
        };
    }
}
