using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tutor.Generator.Diagnostics;
using Tutor.Generator.Model;

namespace Tutor.Generator.Parsing
{
    /// <summary>
    /// Lowers a method body to the IR in continuation-passing style: lowering a statement or expression takes
    /// "what comes after" as a function. An if (or ?:) calls that function once per branch, which copies the rest of
    /// the method into both branches — so every path is straight-line, single-assignment code (see Model/Ir.cs).
    /// Statements: this file. Expressions and conditions: Lowering.Expressions.cs.
    /// </summary>
    internal sealed partial class Lowering
    {
        /// <summary>Beyond this many paths the copied code would be too long to read; the student splits the method.</summary>
        public const int MaxPaths = 256;

        readonly IMethodSymbol method;
        readonly MethodDeclarationSyntax syntax;
        readonly SemanticModel model;
        readonly CancellationToken ct;
        readonly NameAllocator names;
        readonly Dictionary<(string, int, int), DiagnosticInfo> diagnostics = new Dictionary<(string, int, int), DiagnosticInfo>();
        int paths;
        bool aborted;
        HashSet<ISymbol> possiblyActive = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        Dictionary<ISymbol, List<SyntaxNode>> writtenArrays = new Dictionary<ISymbol, List<SyntaxNode>>(SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether an element of <paramref name="array"/> read at <paramref name="read"/> still holds the same value when the
        /// backward sweep gets there: no write to the array can run after the read — every write comes before the
        /// outermost loop around the read (the backward sweep itself writes only adjoints).
        /// </summary>
        bool SameWhenReversed(ISymbol array, SyntaxNode read)
        {
            if (!writtenArrays.TryGetValue(array, out var writes)) return true;
            var outermost = read.Ancestors().TakeWhile(a => a != syntax)
                .LastOrDefault(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
            if (outermost is null) return false;
            return writes.All(w => w.SpanStart < outermost.SpanStart && !outermost.Span.Contains(w.Span));
        }

        /// <summary>
        /// Within one simple statement, the element reads already lowered (array and index as written, with the current
        /// bindings): <c>v[i] * v[i]</c> reads the element once and uses the value twice. Null where that is not safe.
        /// </summary>
        Dictionary<string, Atom>? loadCache;

        /// <summary>
        /// Whether repeated element reads of the statement may share one step: it runs straight through (no ?:, &amp;&amp;,
        /// ||, ??, switch) and changes nothing before its own assignment (no nested assignment or ++, no call other than
        /// Math/MathF, which could write the array).
        /// </summary>
        bool SharesLoads(StatementSyntax statement)
        {
            var top = (statement as ExpressionStatementSyntax)?.Expression;
            foreach (var node in statement.DescendantNodes())
            {
                switch (node)
                {
                    case ConditionalExpressionSyntax or SwitchExpressionSyntax or AnonymousFunctionExpressionSyntax:
                        return false;
                    case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression) || b.IsKind(SyntaxKind.CoalesceExpression):
                        return false;
                    case AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax when node != top
                        && (node is AssignmentExpressionSyntax || node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression)
                            || node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression)):
                        return false;
                    case InvocationExpressionSyntax invocation when !(model.GetSymbolInfo(invocation, ct).Symbol is IMethodSymbol { ContainingType: { } type }
                        && type.ToDisplayString() is "System.Math" or "System.MathF"):
                        return false;
                }
            }
            return true;
        }

        /// <summary>For each loop (its syntax), the local arrays it snapshots at the end of every iteration.</summary>
        readonly Dictionary<SyntaxNode, List<Snapshot>> snapshots = new Dictionary<SyntaxNode, List<Snapshot>>();

        static bool IsLoop(SyntaxNode node) => node is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

        /// <summary>
        /// The outermost loop L around the read of <paramref name="array"/> (a local declared before L) such that,
        /// within one iteration of L, every write to the array comes before the read (and before the loop inside L
        /// that holds the read): then the element read still holds its value at the end of the iteration, and a copy
        /// of the array taken there lets the backward sweep read it again. Null when there is none.
        /// </summary>
        SyntaxNode? SnapshotLoop(ISymbol array, SyntaxNode read)
        {
            if (array is not ILocalSymbol || !writtenArrays.TryGetValue(array, out var writes)) return null;
            if (array.DeclaringSyntaxReferences.FirstOrDefault() is not { } declaration) return null;
            var declared = declaration.Span;
            var chain = read.Ancestors().TakeWhile(a => a != syntax).Where(IsLoop).Reverse().ToList();
            for (int j = 0; j < chain.Count; j++)
            {
                var loop = chain[j];
                if (loop.Span.Contains(declared)) return null;
                var body = LoopBody(loop);
                var inside = writes.Where(w => loop.Span.Contains(w.Span)).ToList();
                if (inside.Count == 0) return null;   // not written in this loop: nothing to snapshot per iteration (a plain read is taped)
                if (inside.Any(w => !body.Span.Contains(w.Span))) continue; // written by the loop header itself
                var next = j + 1 < chain.Count ? chain[j + 1] : read;
                if (inside.All(w => w.Span.End <= next.SpanStart)) return loop;
            }
            return null;
        }

        static SyntaxNode LoopBody(SyntaxNode loop) => loop switch
        {
            ForStatementSyntax f => f.Statement,
            ForEachStatementSyntax e => e.Statement,
            WhileStatementSyntax w => w.Statement,
            DoStatementSyntax d => d.Statement,
            _ => loop,
        };

        /// <summary>What a local or parameter currently holds: the IR name of its latest value.</summary>
        sealed record Binding(string Name, bool Active, string Type);

        delegate List<Stmt> Next(ImmutableDictionary<ISymbol, Binding> env);

        public Lowering(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken ct)
        {
            this.method = method;
            this.syntax = syntax;
            this.model = model;
            this.ct = ct;
            names = new NameAllocator(syntax);
        }

        public IEnumerable<DiagnosticInfo> Diagnostics => diagnostics.Values;

        /// <summary>Each parameter's name in the IR (see <see cref="ParameterModel.IrName"/>).</summary>
        public Dictionary<string, string> ParameterNames { get; } = new Dictionary<string, string>();

        public Block? LowerBody()
        {
            var env = ImmutableDictionary.Create<ISymbol, Binding>(SymbolEqualityComparer.Default);
            SyntaxNode? bodyNode = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody;
            if (bodyNode is not null)
            {
                possiblyActive = Activity.PossiblyActive(method, bodyNode, model, ct);
                writtenArrays = Activity.WrittenArrays(bodyNode, model, ct);
            }
            foreach (var p in method.Parameters)
            {
                var irName = names.Parameter(p.Name, method.Parameters.Select(q => q.Name));
                ParameterNames[p.Name] = irName;
                bool differentiable = Activity.IsFloating(p.Type) && !p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Parser.NoDiffAttribute);
                env = env.SetItem(p, new Binding(irName, differentiable, Parser.TypeName(p.Type)));
            }

            List<Stmt> statements;
            if (syntax.ExpressionBody is { } arrow)
                statements = LowerExpression(arrow.Expression, env, false, null, (atom, _) => Ret(atom));
            else if (syntax.Body is { } body)
                statements = LowerSequence(body.Statements, 0, env, _ => FallOffEnd());
            else
                return null;

            if (aborted || diagnostics.Values.Any(d => d.Id != Descriptors.NoDiffArgument.Id)) return null;
            return new Block(statements.ToEquatableArray());
        }

        List<Stmt> Ret(Atom atom)
        {
            if (++paths > MaxPaths && !aborted)
            {
                aborted = true;
                Report(Descriptors.TooManyPaths, syntax.Identifier, method.Name, MaxPaths.ToString());
            }
            return new List<Stmt> { new Return(atom) };
        }

        List<Stmt> FallOffEnd()
        {
            // Unreachable in code that compiles (every path of a non-void method returns); stay total anyway.
            return Ret(new Atom("double.NaN", false, double.NaN));
        }

        List<Stmt> LowerSequence(SyntaxList<StatementSyntax> statements, int index, ImmutableDictionary<ISymbol, Binding> env, Next after)
        {
            ct.ThrowIfCancellationRequested();
            if (aborted) return new List<Stmt>();
            if (index == statements.Count) return after(env);
            Next rest = e => LowerSequence(statements, index + 1, e, after);
            return LowerStatement(statements[index], env, rest);
        }

        List<Stmt> LowerStatement(StatementSyntax statement, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            loadCache = statement is LocalDeclarationStatementSyntax or ExpressionStatementSyntax or ReturnStatementSyntax && SharesLoads(statement)
                ? new Dictionary<string, Atom>() : null;
            switch (statement)
            {
                case BlockSyntax block:
                    return LowerSequence(block.Statements, 0, env, rest);
                case EmptyStatementSyntax:
                    return rest(env);
                case LocalDeclarationStatementSyntax declaration when declaration.UsingKeyword.IsKind(SyntaxKind.None) && !declaration.Declaration.Type.IsKind(SyntaxKind.RefType):
                    return LowerDeclarators(declaration.Declaration.Variables, 0, env, rest);
                case ExpressionStatementSyntax expressionStatement:
                    return LowerExpressionStatement(expressionStatement, env, rest);
                case ReturnStatementSyntax { Expression: { } value } when loops.Count == 0:
                    return LowerExpression(value, env, false, null, (atom, _) => Ret(atom));
                case ReturnStatementSyntax inLoop:
                    Report(Descriptors.UnsupportedStatement, inLoop.GetFirstToken(), "'return' inside a loop",
                        "store the result in a local declared before the loop, 'break', and return it after the loop");
                    return EndIteration(env, isBreak: true);
                case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return LowerLoop(statement, env, rest);
                case BreakStatementSyntax when loops.Count > 0:
                    return EndIteration(env, isBreak: true);
                case ContinueStatementSyntax when loops.Count > 0:
                    return EndIteration(env, isBreak: false);
                case IfStatementSyntax ifStatement:
                    return LowerCondition(ifStatement.Condition, env, (condition, e) =>
                    {
                        var then = LowerStatement(ifStatement.Statement, e, rest);
                        var otherwise = ifStatement.Else is { } elseClause ? LowerStatement(elseClause.Statement, e, rest) : rest(e);
                        return new List<Stmt> { new If(condition, new Block(then.ToEquatableArray()), new Block(otherwise.ToEquatableArray())) };
                    });
                default:
                    Report(Descriptors.UnsupportedStatement, statement.GetFirstToken(), StatementKind(statement), StatementAdvice(statement));
                    return rest(env);
            }
        }

        static string StatementKind(StatementSyntax statement) => statement switch
        {
            WhileStatementSyntax => "'while'",
            DoStatementSyntax => "'do'",
            ForStatementSyntax => "'for'",
            ForEachStatementSyntax => "'foreach'",
            GotoStatementSyntax => "'goto'",
            LabeledStatementSyntax => "labeled",
            SwitchStatementSyntax => "'switch'",
            TryStatementSyntax => "'try'",
            ThrowStatementSyntax => "'throw'",
            LocalFunctionStatementSyntax => "local function",
            LocalDeclarationStatementSyntax => "'using' or 'ref' declaration",
            UsingStatementSyntax => "'using'",
            LockStatementSyntax => "'lock'",
            _ => "'" + statement.Kind().ToString().Replace("Statement", "").ToLowerInvariant() + "'",
        };

        static string StatementAdvice(StatementSyntax statement) => statement switch
        {
            GotoStatementSyntax or LabeledStatementSyntax => "use if/else and early return instead of goto",
            SwitchStatementSyntax => "write it as if/else if/else",
            LocalFunctionStatementSyntax => "make it a separate static [Differentiable] method and call it",
            ThrowStatementSyntax => "check inputs before calling the [Differentiable] method, or return double.NaN",
            _ => "a [Differentiable] method may contain local declarations, assignments, if/else, loops (for, foreach, while, break, continue) and return",
        };

        List<Stmt> LowerDeclarators(SeparatedSyntaxList<VariableDeclaratorSyntax> variables, int index, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            if (index == variables.Count) return rest(env);
            var variable = variables[index];
            Next next = e => LowerDeclarators(variables, index + 1, e, rest);
            if (variable.Initializer is null || model.GetDeclaredSymbol(variable, ct) is not ILocalSymbol local) return next(env);
            return Assign(local, local.Type, variable.Initializer.Value, env, next);
        }

        /// <summary><c>target = value</c>: a new version of the target, named after it.</summary>
        List<Stmt> Assign(ISymbol target, ITypeSymbol type, ExpressionSyntax value, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            if (type is IArrayTypeSymbol && LowerNewArray(target, type, value, env, rest) is { } array) return array;
            var typeName = Parser.TypeName(type);
            var name = names.Version(target.Name);
            if (TensorTypes.IsTensor(type) && IsActive(value, env))
            {
                // A tensor local names the step that computes it; `h = x` only makes h another name for x's value.
                return LowerExpression(value, env, false, new Target(name, typeName), (atom, e) =>
                    rest(e.SetItem(target, new Binding(atom.Code, atom.Active, typeName))));
            }
            if (Parser.IsScalar(type) && IsActive(value, env))
            {
                return LowerExpression(value, env, false, new Target(name, typeName), (atom, e) =>
                    rest(e.SetItem(target, new Binding(name, atom.Active, typeName))));
            }
            if (!IsNumericType(type) && !TensorTypes.IsTensor(type) && ReadsActive(value, env))
            {
                // A lambda or object that captures a differentiable value would hide it from the generator.
                Report(Descriptors.UnsupportedExpression, value, Clip(value.ToString()),
                    "a value of type '" + type.ToDisplayString() + "' that captures a differentiable input",
                    "the generator follows only double and float values; write the computation with locals, or as a static [Differentiable] method");
            }
            var let = ConstantLet(name, typeName, value, env);
            var list = new List<Stmt> { let };
            list.AddRange(rest(env.SetItem(target, new Binding(name, false, typeName))));
            return list;
        }

        List<Stmt> LowerExpressionStatement(ExpressionStatementSyntax statement, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            var expression = statement.Expression;
            switch (expression)
            {
                case AssignmentExpressionSyntax assignment when TargetOf(assignment.Left, env) is { } target:
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                        return Assign(target.Symbol, target.Type, assignment.Right, env, rest);
                    if (CompoundOp(assignment.Kind()) is { } op)
                        return Compound(target.Symbol, target.Type, op, assignment.Right, env, rest);
                    break;
                case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } assignment
                    when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || CompoundOp(assignment.Kind()) is not null:
                    return LowerStore(element, CompoundOp(assignment.Kind()), assignment.Right, assignment, env, rest);
                case PostfixUnaryExpressionSyntax { Operand: ElementAccessExpressionSyntax element } postfix:
                    return LowerStore(element, postfix.IsKind(SyntaxKind.PostIncrementExpression) ? "Add" : "Sub", null, postfix, env, rest);
                case PostfixUnaryExpressionSyntax postfix when TargetOf(postfix.Operand, env) is { } target:
                    return Compound(target.Symbol, target.Type, postfix.IsKind(SyntaxKind.PostIncrementExpression) ? "Add" : "Sub", null, env, rest);
                case PrefixUnaryExpressionSyntax prefix when (prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression)) && TargetOf(prefix.Operand, env) is { } target:
                    return Compound(target.Symbol, target.Type, prefix.IsKind(SyntaxKind.PreIncrementExpression) ? "Add" : "Sub", null, env, rest);
                case InvocationExpressionSyntax invocation when model.GetTypeInfo(invocation, ct).Type?.SpecialType == SpecialType.System_Void:
                    // Kept for its effect (Console.WriteLine while debugging); it runs in every generated method.
                    var list = new List<Stmt> { new Effect(Substitute(invocation, env) + ";") };
                    list.AddRange(rest(env));
                    return list;
            }
            var advice = expression is AssignmentExpressionSyntax
                ? "assign only to locals and parameters of this method (not to fields, properties or array elements)"
                : "a statement may assign a local, or call a void method for its effect";
            Report(Descriptors.UnsupportedStatement, statement.GetFirstToken(), "expression", advice);
            return rest(env);
        }

        sealed record AssignTarget(ISymbol Symbol, ITypeSymbol Type);

        AssignTarget? TargetOf(ExpressionSyntax left, ImmutableDictionary<ISymbol, Binding> env)
        {
            if (left is not IdentifierNameSyntax) return null;
            var symbol = model.GetSymbolInfo(left, ct).Symbol;
            return symbol switch
            {
                ILocalSymbol { IsRef: false } local => new AssignTarget(local, local.Type),
                IParameterSymbol parameter when env.ContainsKey(parameter) => new AssignTarget(parameter, parameter.Type),
                _ => null,
            };
        }

        static string? CompoundOp(SyntaxKind kind) => kind switch
        {
            SyntaxKind.AddAssignmentExpression => "Add",
            SyntaxKind.SubtractAssignmentExpression => "Sub",
            SyntaxKind.MultiplyAssignmentExpression => "Mul",
            SyntaxKind.DivideAssignmentExpression => "Div",
            _ => null,
        };

        static string OperatorText(string op) => op switch { "Add" => "+", "Sub" => "-", "Mul" => "*", _ => "/" };

        /// <summary><c>target op= value</c> (or ++/-- when <paramref name="value"/> is null).</summary>
        List<Stmt> Compound(ISymbol target, ITypeSymbol type, string op, ExpressionSyntax? value, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            var typeName = Parser.TypeName(type);
            if (!env.TryGetValue(target, out var current)) return rest(env);
            if (TensorTypes.IsTensor(type) && (current.Active || value is not null && IsActive(value, env)))
            {
                SyntaxNode where = (SyntaxNode?)value?.Parent ?? syntax;
                Report(Descriptors.UnsupportedExpression, where, Clip(where.ToString()), "a compound assignment to a tensor",
                    "write it out: h = h + b (or h = Ops.Add(h, b))");
                return rest(env);
            }
            var name = names.Version(target.Name);
            var line = Line(value ?? (SyntaxNode)syntax);
            bool active = Parser.IsScalar(type) && (current.Active || (value is not null && IsActive(value, env)));
            if (!active)
            {
                var code = current.Name + " " + OperatorText(op) + " " + (value is null ? "1" : "(" + Substitute(value, env) + ")");
                var reads = new List<Atom> { new Atom(current.Name, false, null) };
                bool pure = value is null || PureReads(value, env, reads);
                var let = new Let(name, typeName, StepKind.Constant, pure ? "Expr" : "Const", pure ? reads.ToEquatableArray() : EquatableArray<Atom>.Empty,
                    false, code, null, null, code, line);
                var list = new List<Stmt> { let };
                list.AddRange(rest(env.SetItem(target, new Binding(name, false, typeName))));
                return list;
            }
            var left = new Atom(current.Name, current.Active, null);
            if (value is null)
                return EmitRule(op, new[] { left, new Atom("1", false, 1) }, new Target(name, typeName), false, line, env,
                    (atom, e) => rest(e.SetItem(target, new Binding(name, atom.Active, typeName))));
            return LowerExpression(value, env, false, null, (right, e) =>
                EmitRule(op, new[] { left, right }, new Target(name, typeName), false, line, e,
                    (atom, e2) => rest(e2.SetItem(target, new Binding(name, atom.Active, typeName)))));
        }

        static bool IsNumericType(ITypeSymbol type) => type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_Double;

        /// <summary>Whether any identifier inside reads a differentiable value, whatever the expression's type.</summary>
        bool ReadsActive(ExpressionSyntax expression, ImmutableDictionary<ISymbol, Binding> env) =>
            expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i =>
                model.GetSymbolInfo(i, ct).Symbol is { } s && env.TryGetValue(s, out var b) && b.Active);

        int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

        void Report(DiagnosticDescriptor descriptor, SyntaxToken token, params string[] args) => Report(descriptor, token.GetLocation(), args);
        void Report(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] args) => Report(descriptor, node.GetLocation(), args);

        void Report(DiagnosticDescriptor descriptor, Location location, params string[] args)
        {
            // Code after a branch is lowered once per path: report each problem once.
            var key = (descriptor.Id, location.SourceSpan.Start, location.SourceSpan.Length);
            if (!diagnostics.ContainsKey(key)) diagnostics[key] = DiagnosticInfo.Create(descriptor, location, args);
        }
    }
}
