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
        /// <summary>The array variable an element access reads or writes, when it is a double[]/float[] local or parameter.</summary>
        Binding? ArrayOf(ElementAccessExpressionSyntax access, ImmutableDictionary<ISymbol, Binding> env)
        {
            if (access.ArgumentList.Arguments.Count != 1 || access.Expression is not IdentifierNameSyntax) return null;
            if (model.GetSymbolInfo(access.Expression, ct).Symbol is not { } symbol || !env.TryGetValue(symbol, out var binding)) return null;
            return binding.Type.EndsWith("[]") ? binding : null;
        }

        /// <summary><c>a[i]</c> as a value: a Load step that copies the element.</summary>
        List<Stmt> LowerLoad(ElementAccessExpressionSyntax access, ImmutableDictionary<ISymbol, Binding> env, bool passive, Target? target, Then then)
        {
            var array = ArrayOf(access, env);
            if (array is null && IsTensorExpression(access.Expression))
            {
                Report(Descriptors.UnsupportedExpression, access, Clip(access.ToString()), "an element of a differentiable tensor",
                    "the generator differentiates whole-tensor ops: reduce with Ops.Sum, Ops.Mean, Ops.Max or a loss and call .ToScalar(), or select rows with Ops.SliceRows or Ops.GatherByLabel");
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            if (array is null)
            {
                Report(Descriptors.UnsupportedExpression, access, Clip(access.ToString()), "an element of something that is not a double[] or float[] variable",
                    "index a double[] or float[] local or parameter with a single int index");
                return then(new Atom("double.NaN", false, double.NaN), env);
            }
            string? key = null;
            if (loadCache is not null && target is null)
            {
                key = array.Name + "[" + Substitute(access.ArgumentList.Arguments[0].Expression, env) + "]" + (passive ? " passive" : "");
                if (loadCache.TryGetValue(key, out var read)) return then(read, env);
            }
            var list = new List<Stmt>();
            var index = LowerConstant(access.ArgumentList.Arguments[0].Expression, env, list);
            var t = target ?? TempOf(access);
            bool active = array.Active && !passive;
            var symbol = model.GetSymbolInfo(access.Expression, ct).Symbol;
            bool immutable = symbol is not null && SameWhenReversed(symbol, access);
            var op = immutable ? "LoadImmutable" : "Load";
            if (!immutable && symbol is not null && SnapshotLoop(symbol, access) is { } loop)
            {
                // The array is written inside the loop, but never after this read within one iteration: the loop
                // copies the array onto its tape at the end of each iteration, and the backward sweep reads it again.
                if (!snapshots.TryGetValue(loop, out var arrays)) snapshots[loop] = arrays = new List<Snapshot>();
                if (!arrays.Any(a => a.Array == array.Name)) arrays.Add(new Snapshot(array.Name, array.Type));
                op = "LoadSnapshot";
            }
            list.Add(new Let(t.Name, t.Type, StepKind.Load, op, new[] { new Atom(array.Name, array.Active, null), index }.ToEquatableArray(),
                active, "", null, null, array.Name + "[" + index.Code + "]", Line(access)));
            var atom = new Atom(t.Name, active, null);
            if (key is not null) loadCache![key] = atom;
            list.AddRange(then(atom, env));
            return list;
        }

        /// <summary><c>a[i] = v</c>, <c>a[i] op= v</c>, <c>a[i]++</c>.</summary>
        List<Stmt> LowerStore(ElementAccessExpressionSyntax access, string? op, ExpressionSyntax? value, ExpressionSyntax statement, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            var array = ArrayOf(access, env);
            if (array is null || !array.Active)
            {
                if (array is null || value is not null && IsActive(value, env))
                    Report(Descriptors.UnsupportedStatement, statement.GetFirstToken(), "element assignment",
                        "write differentiable values only into double[] or float[] locals and parameters");
                // An array that never holds a differentiable value: the write is plain data movement.
                var effect = new List<Stmt> { new Effect(Substitute(statement, env) + ";") };
                effect.AddRange(rest(env));
                return effect;
            }

            var list = new List<Stmt>();
            var index = LowerConstant(access.ArgumentList.Arguments[0].Expression, env, list);
            var arrayAtom = new Atom(array.Name, true, null);
            var elementType = array.Type.Substring(0, array.Type.Length - 2);
            int line = Line(statement);
            Then store = (v, e) =>
            {
                var stored = new List<Stmt> { new Store(arrayAtom, index, v, line, op is "Add" or "Sub") };
                stored.AddRange(rest(e));
                return stored;
            };
            if (op is null)
                return Concat(list, LowerExpression(value!, env, false, null, store));

            // a[i] op= v reads the element, combines, and writes it back.
            var old = names.Temp();
            list.Add(new Let(old, elementType, StepKind.Load, op is "Add" or "Sub" ? "LoadAccumulated" : "Load", new[] { arrayAtom, index }.ToEquatableArray(), true, "", null, null,
                array.Name + "[" + index.Code + "]", line));
            var oldAtom = new Atom(old, true, null);
            if (value is null)
                return Concat(list, EmitRule(op, new[] { oldAtom, new Atom("1", false, 1) }, new Target(names.Temp(), elementType), false, line, env, store));
            return Concat(list, LowerExpression(value, env, false, null, (v, e) =>
                EmitRule(op, new[] { oldAtom, v }, new Target(names.Temp(), elementType), false, line, e, store)));
        }

        /// <summary><c>double[] a = new double[n]</c>: a NewArray step (its adjoint array is allocated beside it).</summary>
        List<Stmt>? LowerNewArray(ISymbol target, ITypeSymbol type, ExpressionSyntax value, ImmutableDictionary<ISymbol, Binding> env, Next rest)
        {
            if (!Activity.IsFloating(type) || Parser.IsScalar(type)) return null;
            var typeName = Parser.TypeName(type);
            if (env.ContainsKey(target) && possiblyActive.Contains(target))
            {
                Report(Descriptors.UnsupportedStatement, value, "array assignment",
                    "an array variable that holds differentiable values is assigned once; write into its elements instead");
                return rest(env);
            }
            bool active = possiblyActive.Contains(target);
            if (value is ArrayCreationExpressionSyntax { Initializer: null } creation && creation.Type.RankSpecifiers.Count == 1
                && creation.Type.RankSpecifiers[0].Sizes.Count == 1)
            {
                var list = new List<Stmt>();
                var size = LowerConstant(creation.Type.RankSpecifiers[0].Sizes[0], env, list);
                var name = names.Version(target.Name);
                list.Add(new Let(name, typeName, StepKind.NewArray, "NewArray", new[] { size }.ToEquatableArray(), active, "", null, null,
                    "new " + typeName.Replace("[]", "[" + size.Code + "]"), Line(value)));
                list.AddRange(rest(env.SetItem(target, new Binding(name, active, typeName))));
                return list;
            }
            if (active)
            {
                Report(Descriptors.UnsupportedExpression, value, Clip(value.ToString()), "an array that will hold differentiable values",
                    "create it with new double[n] and assign its elements one by one");
                return rest(env);
            }
            return null;
        }
    }
}
