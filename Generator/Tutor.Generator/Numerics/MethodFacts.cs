using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// What one method body writes to each local and parameter, gathered in one walk of its operation tree. It lets
    /// the rules follow a local to the value it was given when it is assigned exactly once, and recognise the
    /// accumulators of a loop (<c>s = 0; … s += Math.Exp(x[i]);</c>).
    /// </summary>
    internal sealed class MethodFacts
    {
        /// <summary>A write whose value is unknown (out/ref argument, deconstruction, increment).</summary>
        static readonly IOperation? Opaque = null;

        readonly Dictionary<ISymbol, List<IOperation?>> writes = new Dictionary<ISymbol, List<IOperation?>>(SymbolEqualityComparer.Default);
        readonly Dictionary<ISymbol, List<IOperation>> elementWrites = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        public MethodFacts(ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
                foreach (var operation in block.DescendantsAndSelf())
                    Record(operation);
        }

        void Record(IOperation operation)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    var initializer = declarator.GetVariableInitializer();
                    if (initializer is not null)
                        Add(declarator.Symbol, initializer.Value);
                    else if (declarator.Symbol.RefKind != RefKind.None)
                        Add(declarator.Symbol, Opaque);
                    break;
                case ISimpleAssignmentOperation assignment:
                    Add(Target(assignment.Target), assignment.IsRef ? Opaque : assignment.Value);
                    AddElement(assignment.Target, assignment.Value);
                    break;
                case ICompoundAssignmentOperation compound:
                    Add(Target(compound.Target), compound);
                    AddElement(compound.Target, compound);
                    break;
                case IIncrementOrDecrementOperation increment:
                    Add(Target(increment.Target), increment);
                    break;
                case IArgumentOperation { Parameter: { RefKind: not RefKind.None and not RefKind.In } } argument:
                    Add(Target(argument.Value), Opaque);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf())
                        Add(Target(target), Opaque);
                    break;
            }
        }

        static ISymbol? Target(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        void Add(ISymbol? symbol, IOperation? value)
        {
            if (symbol is null)
                return;
            if (!writes.TryGetValue(symbol, out var list))
                writes[symbol] = list = new List<IOperation?>();
            list.Add(value);
        }

        void AddElement(IOperation target, IOperation value)
        {
            if (target is not IArrayElementReferenceOperation element || Target(element.ArrayReference) is not { } array)
                return;
            if (!elementWrites.TryGetValue(array, out var list))
                elementWrites[array] = list = new List<IOperation>();
            list.Add(value);
        }

        /// <summary>
        /// What is stored into the elements of the array held by a local or parameter (<c>e[i] = Math.Exp(x[i])</c>
        /// gives the Exp call; <c>e[i] /= s</c> gives the compound assignment).
        /// </summary>
        public IReadOnlyList<IOperation> ElementWritesTo(ISymbol array) =>
            elementWrites.TryGetValue(array, out var list) ? list : (IReadOnlyList<IOperation>)System.Array.Empty<IOperation>();

        /// <summary>The writes to a local or parameter (empty for a parameter never assigned).</summary>
        public IReadOnlyList<IOperation?> WritesTo(ISymbol symbol) =>
            writes.TryGetValue(symbol, out var list) ? list : (IReadOnlyList<IOperation?>)System.Array.Empty<IOperation?>();

        /// <summary>The value of a non-ref local assigned exactly once (its initializer or its only assignment).</summary>
        public IOperation? SingleValue(ILocalSymbol local)
        {
            if (local.IsRef || !writes.TryGetValue(local, out var list) || list.Count != 1)
                return null;
            var value = list[0];
            return value is ICompoundAssignmentOperation or IIncrementOrDecrementOperation ? null : value;
        }

        /// <summary>True when the symbol keeps one value for the whole method, so its name may be copied elsewhere.</summary>
        public bool IsUnchanging(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.RefKind is RefKind.None or RefKind.In && WritesTo(parameter).Count == 0,
            ILocalSymbol local => !local.IsRef && WritesTo(local).Count <= 1,
            _ => false,
        };
    }
}
