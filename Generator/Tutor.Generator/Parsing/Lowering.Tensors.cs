using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tutor.Generator.Diagnostics;
using Tutor.Generator.Model;
using Tutor.Rules;

namespace Tutor.Generator.Parsing
{
    // Tensors. An expression of type Tutor.Tensors.Tensor<double>/<float> that depends on a differentiable input
    // becomes TensorOp steps, one per op of Rules/TensorRules.cs: calls Ops.X(...), the operators + - * / and unary −
    // on two tensors (the table's Symbol column), s * A and A * s (Scale), A + s and A − s (AddScalar). A tensor that
    // depends on no differentiable input (data, labels) is an ordinary constant step: it costs nothing backward.
    // t.ToScalar() turns a one-element tensor (a loss, a full sum) into a double or float for scalar code.
    internal sealed partial class Lowering
    {
        const string TensorAdvice = "use the ops of Tutor.Tensors.Ops (MatMul, Add, Tanh, Sum, MseLoss, CrossEntropyLoss …), + - * / between tensors, s * A, A + s, and .ToScalar() on a one-element result";

        bool IsTensorExpression(ExpressionSyntax expression) => TensorTypes.IsTensor(model.GetTypeInfo(expression, ct).Type);

        /// <summary>An active tensor-valued expression (parentheses already removed).</summary>
        List<Stmt> LowerTensor(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env, bool passive, Target? target, int line, Then then)
        {
            if (loops.Count > 0)
            {
                Report(Descriptors.UnsupportedExpression, expression, Clip(expression.ToString()), "a tensor operation on a differentiable value inside a loop",
                    "tensor ops work on whole batches: replace the loop by one op on the batch (Ops.MatMul, Ops.RowSums, Ops.SliceRows …), or compute the tensor before the loop");
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            switch (expression)
            {
                case IdentifierNameSyntax:
                    {
                        // A tensor is a reference: `var h = x;` names the same value, no step needed.
                        var binding = env[model.GetSymbolInfo(expression, ct).Symbol!];
                        return then(new Atom(binding.Name, binding.Active && !passive, null), env);
                    }

                case BinaryExpressionSyntax binary when binary.OperatorToken.Text is "+" or "-" or "*" or "/":
                    return LowerTensorOperator(binary, env, passive, target, line, then);

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    return LowerExpression(unary.Operand, env, passive, null, (operand, e) =>
                        EmitTensor(TensorRules.FindSymbol("neg")!, new List<Atom> { operand }, target ?? TempOf(unary), passive, line, e, then));

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                    return LowerExpression(unary.Operand, env, passive, target, then);

                case InvocationExpressionSyntax invocation:
                    return LowerTensorCall(invocation, env, passive, target, line, then);
            }
            Report(Descriptors.UnsupportedExpression, expression, Clip(expression.ToString()), TensorDescribe(expression), TensorAdvice);
            return then(new Atom("double.NaN", false, double.NaN), env);
        }

        static string TensorDescribe(ExpressionSyntax expression) => expression switch
        {
            ConditionalExpressionSyntax => "a ?: choosing between tensors",
            MemberAccessExpressionSyntax => "a property of a differentiable tensor",
            _ => Describe(expression) + " on a differentiable tensor",
        };

        /// <summary>A + B, A − B, A * B, A / B (elementwise, the table's Symbol column), −A; s * A, A * s, A + s, A − s.</summary>
        List<Stmt> LowerTensorOperator(BinaryExpressionSyntax binary, ImmutableDictionary<ISymbol, Binding> env, bool passive, Target? target, int line, Then then)
        {
            var symbol = binary.OperatorToken.Text;
            bool leftTensor = IsTensorExpression(binary.Left), rightTensor = IsTensorExpression(binary.Right);
            var result = target ?? TempOf(binary);
            if (leftTensor && rightTensor && TensorRules.FindSymbol(symbol) is { } rule)
            {
                return LowerExpression(binary.Left, env, passive, null, (left, e1) =>
                    LowerExpression(binary.Right, e1, passive, null, (right, e2) =>
                        EmitTensor(rule, new List<Atom> { left, right }, result, passive, line, e2, then)));
            }
            // One tensor and one scalar: the scalar is a constant parameter of Scale or AddScalar.
            var tensor = leftTensor ? binary.Left : binary.Right;
            var scalar = leftTensor ? binary.Right : binary.Left;
            if (symbol is "*" or "+" or "-" && !RejectActiveFactor(scalar, env, symbol == "*" ? "Scale" : "AddScalar"))
            {
                var list = new List<Stmt>();
                Atom factor;
                if (symbol == "-")
                {
                    // A − s is AddScalar(A, −s), as Tensor's operator writes it.
                    var negated = names.Constant();
                    var code = "-(" + Substitute(scalar, env) + ")";
                    list.Add(new Let(negated, result.Type.Length > 0 ? TensorTypes.Element(result.Type) : "double", StepKind.Constant, "Const",
                        EquatableArray<Atom>.Empty, false, code, null, null, code, line));
                    factor = new Atom(negated, false, null);
                }
                else
                {
                    factor = LowerConstant(scalar, env, list);
                }
                var op = TensorRules.Find(symbol == "*" ? "Scale" : "AddScalar")!;
                return Concat(list, LowerExpression(tensor, env, passive, null, (a, e) =>
                    EmitTensor(op, new List<Atom> { a, factor }, result, passive, line, e, then)));
            }
            if (symbol is "*" or "+" or "-") return then(new Atom("double.NaN", false, double.NaN), env);
            Report(Descriptors.UnsupportedExpression, binary, Clip(binary.ToString()), "operator '" + symbol + "' between a tensor and a scalar", TensorAdvice);
            return then(new Atom("double.NaN", false, double.NaN), env);
        }

        /// <summary>
        /// The table differentiates a scalar parameter (Scale's factor, AddScalar's shift, Pow's exponent) as a constant;
        /// a differentiable one would silently lose its gradient, so it is an error.
        /// </summary>
        bool RejectActiveFactor(ExpressionSyntax scalar, ImmutableDictionary<ISymbol, Binding> env, string op)
        {
            if (!IsActive(scalar, env)) return false;
            Report(Descriptors.UnsupportedExpression, scalar, Clip(scalar.ToString()), "a differentiable scalar as the constant parameter of Ops." + op,
                "the rule table differentiates Ops." + op + " only with respect to its tensor; combine the scalar after reducing (s * Ops.Sum(A).ToScalar()), or make it a constant ([NoDiff])");
            return true;
        }

        /// <summary><c>Ops.X(operands…, parameters…)</c> for an op of the tensor rule table.</summary>
        List<Stmt> LowerTensorCall(InvocationExpressionSyntax invocation, ImmutableDictionary<ISymbol, Binding> env, bool passive, Target? target, int line, Then then)
        {
            var symbol = model.GetSymbolInfo(invocation, ct).Symbol as IMethodSymbol;
            var arguments = invocation.ArgumentList.Arguments;
            if (symbol?.ContainingType?.ToDisplayString() != "Tutor.Tensors.Ops")
            {
                var receiver = invocation.Expression is MemberAccessExpressionSyntax m && IsTensorExpression(m.Expression);
                if (receiver)
                    Report(Descriptors.UnsupportedExpression, invocation, Clip(invocation.ToString()), "the method '" + (symbol?.Name ?? invocation.Expression.ToString()) + "' of a differentiable tensor",
                        "the generator differentiates the ops of Tutor.Tensors.Ops; of Tensor's own methods it supports .ToScalar() on a one-element result");
                else
                    Report(Descriptors.UnknownMethod, invocation, Clip(invocation.ToString()), symbol is null ? invocation.Expression.ToString() : (symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name));
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            var rule = TensorRules.Find(symbol.Name);
            if (rule is null || arguments.Count != rule.Operands.Length + rule.Parameters.Length)
            {
                Report(Descriptors.UnsupportedExpression, invocation, Clip(invocation.ToString()),
                    rule is null ? "Ops." + symbol.Name + ", which is not in the tensor rule table" : "Ops." + symbol.Name + " with a destination tensor",
                    rule is null ? TensorAdvice : "call Ops." + symbol.Name + " without a destination: the generated code keeps every intermediate tensor for the backward sweep");
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            for (int i = rule.Arity; i < arguments.Count; i++)
                if (RejectActiveFactor(arguments[i].Expression, env, rule.Name))
                    return then(new Atom("double.NaN", false, double.NaN), env);
            return LowerArguments(arguments, 0, env, passive, new List<Atom>(), (atoms, e) =>
                EmitTensor(rule, atoms, target ?? TempOf(invocation), passive, line, e, then));
        }

        List<Stmt> EmitTensor(TensorRule rule, List<Atom> args, Target target, bool passive, int line, ImmutableDictionary<ISymbol, Binding> env, Then then)
        {
            bool active = !passive && args.Take(rule.Arity).Any(a => a.Active);
            var let = new Let(target.Name, target.Type, StepKind.TensorOp, rule.Name, args.ToEquatableArray(), active, "", null, null, TensorDisplay(rule, args), line);
            var list = new List<Stmt> { let };
            list.AddRange(then(new Atom(target.Name, active, null), env));
            return list;
        }

        /// <summary>The step in the notation of the tensor table's Text column (x · w), operands by their IR names.</summary>
        internal static string TensorDisplay(TensorRule rule, IReadOnlyList<Atom> args)
        {
            var text = rule.Text;
            for (int i = args.Count - 1; i >= 0; i--)
            {
                var code = args[i].IsLiteral ? args[i].Code.Trim('(', ')') : args[i].Code;
                text = text.Replace("@" + i, code).Replace("#" + i, IsAtomic(code) ? code : "(" + code + ")");
            }
            return text;
        }

        /// <summary><c>t.ToScalar()</c> on an active tensor: a ToScalar step. Null when the call is something else.</summary>
        List<Stmt>? LowerTensorScalar(InvocationExpressionSyntax invocation, IMethodSymbol symbol, ImmutableDictionary<ISymbol, Binding> env, bool passive, Target? target, int line, Then then)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member || !IsTensorExpression(member.Expression)) return null;
            if (symbol.Name != "ToScalar" || invocation.ArgumentList.Arguments.Count != 0)
            {
                Report(Descriptors.UnsupportedExpression, invocation, Clip(invocation.ToString()), "the method '" + symbol.Name + "' of a differentiable tensor",
                    "the generator differentiates the ops of Tutor.Tensors.Ops; to get a number, reduce (Ops.Sum, Ops.Mean, a loss) and call .ToScalar()");
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            if (loops.Count > 0)
            {
                Report(Descriptors.UnsupportedExpression, invocation, Clip(invocation.ToString()), "a tensor operation on a differentiable value inside a loop",
                    "compute the scalar before the loop (double loss = Ops.MseLoss(p, y).ToScalar();) and use the local inside it");
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            return LowerExpression(member.Expression, env, passive, null, (tensor, e) =>
            {
                var t = target ?? TempOf(invocation);
                bool active = !passive && tensor.Active;
                var let = new Let(t.Name, t.Type, StepKind.ToScalar, "ToScalar", new[] { tensor }.ToEquatableArray(), active, "", null, null, tensor.Code + ".ToScalar()", line);
                var list = new List<Stmt> { let };
                list.AddRange(then(new Atom(t.Name, active, null), e));
                return list;
            });
        }
    }
}
