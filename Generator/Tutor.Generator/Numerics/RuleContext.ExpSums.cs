using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// A sum of exponentials over a collection, in the forms students write: an accumulator loop
    /// (<c>s = 0; foreach (var v in xs) s += Math.Exp(v);</c>, the <c>for</c> loop over <c>xs[i]</c>, or via an array
    /// of exponentials <c>e[i] = Math.Exp(x[i]); s += e[i];</c>) and LINQ (<c>xs.Sum(Math.Exp)</c>,
    /// <c>xs.Sum(v =&gt; Math.Exp(v))</c>, <c>xs.Select(Math.Exp).Sum()</c>).
    /// </summary>
    /// <param name="Exponent">The argument of Exp in each term, or null for a method group (<c>Math.Exp</c>).</param>
    /// <param name="Collection">The collection summed over when it is known (an array or span), else null.</param>
    /// <param name="Shifted">Every term is Exp(something − m): the maximum shift, which makes the sum safe.</param>
    internal sealed record ExpSum(IOperation? Exponent, IOperation? Collection, bool Shifted);

    internal sealed partial class RuleContext
    {
        public bool IsExpSum(IOperation operation, out ExpSum sum)
        {
            sum = null!;
            var value = Value(operation);
            if (value is ILocalReferenceOperation local)
                return IsAccumulator(local.Local, out sum);
            if (value is IInvocationOperation call && Symbols.IsEnumerable(call.TargetMethod) && call.TargetMethod.Name == "Sum")
                return IsLinqSum(call, out sum);
            return false;
        }

        /// <summary>Exp(u), or an element of an array filled with Exp(u).</summary>
        public bool IsExpLike(IOperation operation, out IOperation exponent)
        {
            if (IsExp(operation, out exponent))
                return true;
            if (Value(operation) is IArrayElementReferenceOperation element && ArraySymbol(element) is { } array)
                foreach (var write in Facts.ElementWritesTo(array))
                    if (IsExp(write, out exponent))
                        return true;
            exponent = null!;
            return false;
        }

        static ISymbol? ArraySymbol(IArrayElementReferenceOperation element) => StripConversions(element.ArrayReference) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        bool IsShifted(IOperation? exponent) =>
            exponent is not null && IsBinary(exponent, BinaryOperatorKind.Subtract, out _, out _);

        bool IsAccumulator(ILocalSymbol local, out ExpSum sum)
        {
            sum = null!;
            var writes = Facts.WritesTo(local);
            if (writes.Count != 2)
                return false;
            IOperation? term = null, addition = null;
            bool startsAtZero = false;
            foreach (var write in writes)
            {
                if (write is null)
                    return false;
                if (IsConstant(write, 0))
                    startsAtZero = true;
                else if (write is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound)
                    (term, addition) = (compound.Value, compound);
                else if (write.Parent is ISimpleAssignmentOperation assignment
                    && IsCommuted(write, BinaryOperatorKind.Add, t => StripConversions(t) is ILocalReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Local, local), _ => true, out _, out var rest))
                    (term, addition) = (rest, assignment);
            }
            if (!startsAtZero || term is null || addition is null || !IsExpLike(term, out var exponent))
                return false;
            var loop = EnclosingLoop(addition);
            if (loop is null)
                return false;
            sum = new ExpSum(exponent, CollectionOf(loop, exponent), IsShifted(exponent));
            return true;
        }

        static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ILoopOperation loop)
                    return loop;
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    return null;
            }
            return null;
        }

        /// <summary>
        /// <paramref name="operation"/> sits in a loop and <paramref name="collection"/> (a local or parameter declared
        /// outside that loop) is only read inside it: no assignment to it or to its elements, no ref/out, no call that
        /// could change it other than LINQ and Math-like reads. A value computed from it can then move before the loop.
        /// </summary>
        public bool IsInvariantInEnclosingLoop(IOperation operation, IOperation collection)
        {
            var loop = EnclosingLoop(operation);
            if (loop is null)
                return false;
            ISymbol? symbol = StripConversions(collection) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is null || symbol is IParameterSymbol { RefKind: not RefKind.None and not RefKind.In })
                return false;
            if (symbol is ILocalSymbol && symbol.DeclaringSyntaxReferences.Any(r => loop.Syntax.Span.Contains(r.Span)))
                return false;
            foreach (var part in loop.Descendants())
            {
                bool refersToIt = part switch
                {
                    ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, symbol),
                    IParameterReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Parameter, symbol),
                    _ => false,
                };
                if (!refersToIt)
                    continue;
                var parent = part.Parent;
                while (parent is IConversionOperation)
                    parent = parent.Parent;
                switch (parent)
                {
                    case IArrayElementReferenceOperation element:
                        if (IsWritten(element))
                            return false;
                        break;
                    case IPropertyReferenceOperation { Property.Name: "Length" or "Count" }:
                        break;
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                        if (IsWritten(indexer))
                            return false;
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.None or RefKind.In, Parent: IInvocationOperation call }
                        when Symbols.IsStableMath(call.TargetMethod) || Symbols.IsEnumerable(call.TargetMethod) || Symbols.IsMath(call.TargetMethod):
                        break;
                    case IForEachLoopOperation:
                        break;
                    default:
                        return false;   // assigned, passed by ref, or handed to code that might change it
                }
            }
            return true;
        }

        static bool IsWritten(IOperation element)
        {
            var parent = element.Parent;
            return parent is IAssignmentOperation assignment && assignment.Target == element
                || parent is IIncrementOrDecrementOperation
                || parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out };
        }

        /// <summary>The collection the loop around <paramref name="inLoop"/> runs over, when <paramref name="element"/> is its current element.</summary>
        public IOperation? CollectionOfElement(IOperation inLoop, IOperation element) =>
            EnclosingLoop(inLoop) is { } loop ? CollectionOf(loop, element) : null;

        /// <summary>The collection a loop runs over when the exponent is its current element.</summary>
        IOperation? CollectionOf(ILoopOperation loop, IOperation exponent)
        {
            var element = StripConversions(exponent);
            if (loop is IForEachLoopOperation forEach)
            {
                return forEach.LoopControlVariable is IVariableDeclaratorOperation declarator
                    && element is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol)
                    ? StripImplicit(forEach.Collection) : null;
            }
            if (loop is IForLoopOperation forLoop
                && forLoop.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan } condition
                && StripConversions(condition.LeftOperand) is ILocalReferenceOperation index
                && StripConversions(condition.RightOperand) is IPropertyReferenceOperation { Property.Name: "Length" or "Count", Instance: { } collection }
                && StartsAtZero(forLoop, index.Local))
            {
                var (indexed, indices) = element switch
                {
                    IArrayElementReferenceOperation a when a.Indices.Length == 1 => (a.ArrayReference, a.Indices[0]),
                    IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } i } p when p.Arguments.Length == 1 => (i, p.Arguments[0].Value),
                    _ => ((IOperation?)null, (IOperation?)null),
                };
                if (indexed is not null && indices is not null && Same(indexed, collection)
                    && StripConversions(indices) is ILocalReferenceOperation used
                    && SymbolEqualityComparer.Default.Equals(used.Local, index.Local))
                    return collection;
            }
            return null;
        }

        bool StartsAtZero(IForLoopOperation loop, ILocalSymbol index)
        {
            foreach (var before in loop.Before)
                foreach (var part in before.DescendantsAndSelf())
                    if (part is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, index))
                        return declarator.GetVariableInitializer() is { } initializer && IsConstant(initializer.Value, 0);
            return false;
        }

        bool IsLinqSum(IInvocationOperation call, out ExpSum sum)
        {
            sum = null!;
            var source = StripImplicit(ArgumentAt(call, 0));
            IOperation? selector = call.Arguments.Length == 2 ? ArgumentAt(call, 1) : null;
            if (selector is null && source is IInvocationOperation select && select.TargetMethod.Name == "Select"
                && Symbols.IsEnumerable(select.TargetMethod) && select.Arguments.Length == 2)
            {
                source = StripImplicit(ArgumentAt(select, 0));
                selector = ArgumentAt(select, 1);
            }
            if (selector is null || !IsExpSelector(selector, out var exponent))
                return false;
            sum = new ExpSum(exponent, source, IsShifted(exponent));
            return true;
        }

        /// <summary><c>Math.Exp</c> as a method group, or a lambda <c>v =&gt; Math.Exp(u)</c>.</summary>
        bool IsExpSelector(IOperation selector, out IOperation? exponent)
        {
            exponent = null;
            if (StripConversions(selector) is not IDelegateCreationOperation creation)
                return false;
            if (creation.Target is IMethodReferenceOperation method)
                return method.Method.Name == "Exp" && Symbols.IsMath(method.Method);
            if (creation.Target is IAnonymousFunctionOperation lambda
                && lambda.Body.Operations.Length == 1
                && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
                && IsExp(returned, out var argument))
            {
                exponent = argument;
                return true;
            }
            return false;
        }

        /// <summary>Removes implicit conversions of any kind (an array seen as IEnumerable&lt;double&gt;).</summary>
        public static IOperation StripImplicit(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
                operation = conversion.Operand;
            return operation;
        }

        /// <summary>The text that passes the collection to a span parameter, or null when it is not an array or span.</summary>
        public string? SpanText(IOperation? collection)
        {
            if (collection?.Type is IArrayTypeSymbol { Rank: 1 } array && IsFloating(array.ElementType))
                return Arg(collection);
            if (collection?.Type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1 } span
                && span.ContainingNamespace?.ToDisplayString() == "System" && IsFloating(span.TypeArguments[0]))
                return Arg(collection);
            return null;
        }
    }
}
