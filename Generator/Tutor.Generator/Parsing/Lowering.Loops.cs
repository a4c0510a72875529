using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tutor.Generator.Diagnostics;
using Tutor.Generator.Model;

namespace Tutor.Generator.Parsing
{
    internal sealed partial class Lowering
    {
        /// <summary>A variable the loop body reassigns: a mutable local outside the loop, an entry copy inside.</summary>
        sealed record Carried(ISymbol Symbol, string Mutable, string Type, bool Active, string Before);

        /// <summary>The loops being lowered, innermost on top, with the variables each one carries.</summary>
        readonly Stack<List<Carried>> loops = new Stack<List<Carried>>();
        int loopCount;

        List<Stmt> LowerLoop(StatementSyntax loop, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            if (loop is DoStatementSyntax)
            {
                Report(Descriptors.UnsupportedStatement, loop.GetFirstToken(), "'do'", "write it as a while loop");
                return rest(env);
            }

            // Variables declared before the loop and assigned inside it are carried from one iteration to the next.
            var list = new List<Stmt>();
            var carried = new List<Carried>();
            foreach (var symbol in AssignedIn(loop))
            {
                if (!env.TryGetValue(symbol, out var before) || carried.Any(c => SymbolEqualityComparer.Default.Equals(c.Symbol, symbol))) continue;
                if (before.Type.EndsWith("[]"))
                {
                    Report(Descriptors.UnsupportedStatement, loop.GetFirstToken(), "loop", "it reassigns the array variable '" + symbol.Name + "'; write into its elements instead, or use a second array");
                    continue;
                }
                bool active = TypeOfSymbol(symbol) is { } symbolType && Parser.IsScalar(symbolType) && (before.Active || possiblyActive.Contains(symbol));
                var mutable = names.Version(symbol.Name);
                list.Add(new Let(mutable, before.Type, StepKind.Rule, "Copy", new[] { new Atom(before.Name, before.Active, null) }.ToEquatableArray(),
                    active, "", null, null, before.Name, Line(loop)));
                carried.Add(new Carried(symbol, mutable, before.Type, active, before.Name));
                env = env.SetItem(symbol, new Binding(mutable, active, before.Type));
            }

            int id = ++loopCount;
            var headerVariables = new List<HeaderVariable>();
            string? header = null;
            Counter? counter = null;
            var bodyEnv = env;
            StatementSyntax body;
            Let? element = null;
            switch (loop)
            {
                case ForStatementSyntax f when CountedVariable(f) is { } counted:
                    {
                        // for (int i = init; cond; i += step) with i untouched by the body: i = init + k·step in iteration k.
                        var (local, stride) = counted;
                        var initial = LowerConstant(f.Declaration!.Variables[0].Initializer!.Value, env, list);
                        var name = names.Version(local.Name);
                        headerVariables.Add(new HeaderVariable(name, "int"));
                        bodyEnv = bodyEnv.SetItem(local, new Binding(name, false, "int"));
                        var test = f.Condition is null ? "" : Substitute(f.Condition, bodyEnv);
                        var increment = stride == 1 ? name + "++" : stride == -1 ? name + "--" : stride > 0 ? $"{name} += {stride}" : $"{name} -= {-stride}";
                        header = $"for (int {name} = {initial.Code}; {test}; {increment})";
                        var tripReads = new List<Atom>();
                        var trips = f.Condition is BinaryExpressionSyntax compare && Is(compare.Left, local)
                            && model.GetTypeInfo(compare.Right, ct).Type?.SpecialType == SpecialType.System_Int32
                            && PureReads(compare.Right, bodyEnv, tripReads) && !tripReads.Any(a => carried.Any(c => c.Mutable == a.Code))
                            ? Trips(compare.Kind(), stride, initial.Code, "(" + Substitute(compare.Right, bodyEnv) + ")") : null;
                        counter = new Counter(name, initial, stride, trips, (trips is null ? new List<Atom>() : tripReads).ToEquatableArray());
                        body = f.Statement;
                        break;
                    }
                case ForStatementSyntax f:
                    var declarations = new List<string>();
                    if (f.Declaration is { } declaration)
                    {
                        foreach (var v in declaration.Variables)
                        {
                            if (model.GetDeclaredSymbol(v, ct) is not ILocalSymbol local) continue;
                            var name = names.Version(local.Name);
                            var type = Parser.TypeName(local.Type);
                            if (possiblyActive.Contains(local))
                                Report(Descriptors.UnsupportedStatement, v, "loop header", "the loop variable '" + local.Name + "' depends on a differentiable input; count with an int and compute the value inside the loop");
                            headerVariables.Add(new HeaderVariable(name, type));
                            declarations.Add(name + (v.Initializer is null ? "" : " = " + Substitute(v.Initializer.Value, bodyEnv)));
                            bodyEnv = bodyEnv.SetItem(local, new Binding(name, false, type));
                        }
                    }
                    var init = f.Declaration is { } d ? Parser.TypeName(model.GetTypeInfo(d.Type, ct).Type!) + " " + string.Join(", ", declarations)
                        : string.Join(", ", f.Initializers.Select(e => Substitute(e, bodyEnv)));
                    var condition = f.Condition is null ? "" : Substitute(f.Condition, bodyEnv);
                    var step = string.Join(", ", f.Incrementors.Select(e => Substitute(e, bodyEnv)));
                    foreach (var incrementor in f.Incrementors)
                        foreach (var symbol in AssignedIn(incrementor))
                            if (carried.Any(c => c.Active && SymbolEqualityComparer.Default.Equals(c.Symbol, symbol)))
                                Report(Descriptors.UnsupportedStatement, incrementor, "loop step", "it changes a differentiable value; do that inside the loop body");
                    header = $"for ({init}; {condition}; {step})";
                    body = f.Statement;
                    break;
                case WhileStatementSyntax w:
                    header = $"while ({Substitute(w.Condition, bodyEnv)})";
                    body = w.Statement;
                    break;
                case ForEachStatementSyntax each:
                    if (model.GetDeclaredSymbol(each, ct) is not ILocalSymbol variable) return rest(env);
                    var variableType = Parser.TypeName(variable.Type);
                    var collection = each.Expression is IdentifierNameSyntax ? model.GetSymbolInfo(each.Expression, ct).Symbol : null;
                    if (collection is not null && env.TryGetValue(collection, out var array) && array.Type.EndsWith("[]"))
                    {
                        // foreach over an array: an index loop whose body starts by reading the element.
                        var index = names.Fresh(variable.Name + "Index");
                        headerVariables.Add(new HeaderVariable(index, "int"));
                        header = $"for (int {index} = 0; {index} < {array.Name}.Length; {index}++)";
                        var name = names.Version(variable.Name);
                        bool active = array.Active && Parser.IsScalar(variable.Type);
                        element = new Let(name, variableType, StepKind.Load, "Load",
                            new[] { new Atom(array.Name, array.Active, null), new Atom(index, false, null) }.ToEquatableArray(),
                            active, "", null, null, array.Name + "[" + index + "]", Line(each));
                        bodyEnv = bodyEnv.SetItem(variable, new Binding(name, active, variableType));
                    }
                    else
                    {
                        if (ReadsActive(each.Expression, env))
                            Report(Descriptors.UnsupportedStatement, each.Expression, "foreach", "it walks a collection of differentiable values that is not a double[] or float[] variable; copy them into an array first");
                        var name = names.Version(variable.Name);
                        headerVariables.Add(new HeaderVariable(name, variableType));
                        header = $"foreach ({variableType} {name} in {Substitute(each.Expression, env)})";
                        bodyEnv = bodyEnv.SetItem(variable, new Binding(name, false, variableType));
                    }
                    body = each.Statement;
                    break;
                default:
                    return rest(env);
            }

            // Each iteration starts from single-assignment copies of the carried variables.
            var bodyStatements = new List<Stmt>();
            var inductions = new List<Induction>();
            if (element is not null) bodyStatements.Add(element);
            foreach (var c in carried)
            {
                var entry = names.Version(c.Symbol.Name);
                if (!c.Active && c.Type is "int" or "long" && InductionStep(loop, body, c.Symbol) is { } stride)
                    inductions.Add(new Induction(entry, c.Type, new Atom(c.Before, false, null), stride));
                bodyStatements.Add(new Let(entry, c.Type, StepKind.Rule, "Copy", new[] { new Atom(c.Mutable, c.Active, null) }.ToEquatableArray(),
                    c.Active, "", null, null, c.Mutable, Line(loop)));
                bodyEnv = bodyEnv.SetItem(c.Symbol, new Binding(entry, c.Active, c.Type));
            }
            loops.Push(carried);
            bodyStatements.AddRange(LowerStatement(body, bodyEnv, e => EndIteration(e, isBreak: false)));
            loops.Pop();

            var snapshotted = snapshots.TryGetValue(loop, out var arrays) ? arrays : new List<Snapshot>();
            list.Add(new Loop(header, counter, inductions.ToEquatableArray(), snapshotted.ToEquatableArray(), headerVariables.ToEquatableArray(), new Block(bodyStatements.ToEquatableArray()),
                names.Fresh("tape" + id), names.Fresh("count" + id), names.Fresh("k" + id), names.Fresh("path" + id), Line(loop)));
            list.AddRange(rest(env));
            return list;
        }

        /// <summary>The int variable and constant step of a counted for loop whose body never assigns the variable.</summary>
        (ILocalSymbol Local, int Step)? CountedVariable(ForStatementSyntax loop)
        {
            if (loop.Declaration is not { Variables.Count: 1 } declaration || declaration.Variables[0].Initializer is null) return null;
            if (model.GetDeclaredSymbol(declaration.Variables[0], ct) is not ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } local) return null;
            if (loop.Incrementors.Count != 1 || possiblyActive.Contains(local)) return null;
            int? step = loop.Incrementors[0] switch
            {
                PostfixUnaryExpressionSyntax p when Is(p.Operand, local) => p.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1,
                PrefixUnaryExpressionSyntax p when Is(p.Operand, local) && (p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression)) =>
                    p.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : -1,
                AssignmentExpressionSyntax a when Is(a.Left, local) && model.GetConstantValue(a.Right, ct) is { HasValue: true, Value: int c }
                    && (a.IsKind(SyntaxKind.AddAssignmentExpression) || a.IsKind(SyntaxKind.SubtractAssignmentExpression)) =>
                    a.IsKind(SyntaxKind.AddAssignmentExpression) ? c : -c,
                _ => null,
            };
            if (step is null or 0) return null;
            foreach (var assigned in AssignedIn(loop.Statement))
                if (SymbolEqualityComparer.Default.Equals(assigned, local)) return null;
            return (local, step.Value);
        }

        /// <summary>
        /// The constant step of a carried integer that the loop changes in exactly one place, a statement of the body's
        /// own block (<c>v++</c>, <c>v--</c>, <c>v += 3</c>), with no <c>continue</c> of this loop that could skip it:
        /// every iteration that reaches the next one has changed it once, by that step. Null otherwise.
        /// </summary>
        int? InductionStep(StatementSyntax loop, StatementSyntax body, ISymbol variable)
        {
            var writes = loop.DescendantNodesAndSelf().Where(n => n switch
            {
                AssignmentExpressionSyntax a => Writes(a.Left),
                PostfixUnaryExpressionSyntax p => (p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression)) && Writes(p.Operand),
                PrefixUnaryExpressionSyntax p => (p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression)) && Writes(p.Operand),
                _ => false,
            }).ToList();
            if (writes.Count != 1 || writes[0].Parent is not ExpressionStatementSyntax statement) return null;
            if (!(statement == body || body is BlockSyntax block && block.Statements.Contains(statement))) return null;
            foreach (var jump in body.DescendantNodes().OfType<ContinueStatementSyntax>())
                if (jump.Ancestors().First(IsLoop) == loop) return null;
            int? step = writes[0] switch
            {
                PostfixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1,
                PrefixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : -1,
                AssignmentExpressionSyntax a when model.GetConstantValue(a.Right, ct) is { HasValue: true, Value: int c }
                    && (a.IsKind(SyntaxKind.AddAssignmentExpression) || a.IsKind(SyntaxKind.SubtractAssignmentExpression)) =>
                    a.IsKind(SyntaxKind.AddAssignmentExpression) ? c : -c,
                _ => null,
            };
            return step is 0 ? null : step;

            bool Writes(ExpressionSyntax target) =>
                target is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, ct).Symbol, variable);
        }

        /// <summary>How many times <c>for (i = start; i op bound; i += stride)</c> runs, as C#; null for a loop that may not end.</summary>
        static string? Trips(SyntaxKind op, int stride, string start, string bound) => (op, stride > 0) switch
        {
            (SyntaxKind.LessThanExpression, true) when stride == 1 && start == "0" => $"global::System.Math.Max(0, {bound})",
            (SyntaxKind.LessThanExpression, true) when stride == 1 => $"global::System.Math.Max(0, {bound} - {start})",
            (SyntaxKind.LessThanExpression, true) => $"global::System.Math.Max(0, ({bound} - {start} + {stride - 1}) / {stride})",
            (SyntaxKind.LessThanOrEqualExpression, true) => $"global::System.Math.Max(0, ({bound} - {start} + {stride}) / {stride})",
            (SyntaxKind.GreaterThanExpression, false) when stride == -1 => $"global::System.Math.Max(0, {start} - {bound})",
            (SyntaxKind.GreaterThanExpression, false) => $"global::System.Math.Max(0, ({start} - {bound} + {-stride - 1}) / {-stride})",
            (SyntaxKind.GreaterThanOrEqualExpression, false) => $"global::System.Math.Max(0, ({start} - {bound} + {-stride}) / {-stride})",
            _ => null,
        };

        bool Is(ExpressionSyntax expression, ILocalSymbol local) =>
            expression is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, ct).Symbol, local);

        /// <summary>The end of one path through the innermost loop's body: write back what the path changed.</summary>
        List<Stmt> EndIteration(ImmutableDictionary<ISymbol, Binding> env, bool isBreak)
        {
            if (++paths > MaxPaths && !aborted)
            {
                aborted = true;
                Report(Descriptors.TooManyPaths, syntax.Identifier, method.Name, MaxPaths.ToString());
            }
            var writes = new List<CarriedWrite>();
            foreach (var c in loops.Peek())
            {
                var now = env[c.Symbol];
                writes.Add(new CarriedWrite(c.Mutable, new Atom(now.Name, now.Active && c.Active, null)));
            }
            return new List<Stmt> { new LoopEnd(writes.ToEquatableArray(), isBreak) };
        }

        IEnumerable<ISymbol> AssignedIn(SyntaxNode node)
        {
            foreach (var n in node.DescendantNodesAndSelf())
            {
                ExpressionSyntax? target = n switch
                {
                    AssignmentExpressionSyntax a => a.Left,
                    PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression) => p.Operand,
                    PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                    _ => null,
                };
                if (target is IdentifierNameSyntax && model.GetSymbolInfo(target, ct).Symbol is { } symbol) yield return symbol;
            }
        }

        static ITypeSymbol? TypeOfSymbol(ISymbol symbol) => symbol switch
        {
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            _ => null,
        };
    }
}
