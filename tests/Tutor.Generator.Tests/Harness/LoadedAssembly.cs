using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Tutor.Generator.Tests.Harness;

/// <summary>A compiled student assembly: call its static members by name and read tuple results as doubles.</summary>
public sealed class LoadedAssembly(Assembly assembly, GeneratorRun run)
{
    public Assembly Assembly { get; } = assembly;
    public GeneratorRun Run { get; } = run;

    public Type Type(string fullName) =>
        Assembly.GetType(fullName) ?? throw new InvalidOperationException($"No type '{fullName}' in the compiled assembly.\n\n{Run.DescribeSources()}");

    public MethodInfo Method(string typeName, string name)
    {
        var methods = Type(typeName).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.Name == name).ToList();
        return methods.Count == 1
            ? methods[0]
            : throw new InvalidOperationException($"Expected one static method '{typeName}.{name}', found {methods.Count}.\n\n{Run.DescribeSources()}");
    }

    /// <summary>Calls a static method, converting each argument to the parameter's type (double → float, double → int).</summary>
    public object? Call(string typeName, string name, params object[] args)
    {
        var method = Method(typeName, name);
        var parameters = method.GetParameters();
        if (parameters.Length != args.Length)
            throw new InvalidOperationException($"'{name}' takes {parameters.Length} arguments ({string.Join(", ", parameters.Select(p => p.ParameterType.Name + " " + p.Name))}), the test passed {args.Length}.\n\n{Run.DescribeSources()}");
        var converted = args.Select((a, i) => Convert(a, parameters[i].ParameterType)).ToArray();
        return Invoke(method, null, converted);
    }

    /// <summary>Calls a static method that returns a value tuple and flattens it to doubles (Item1…Item7, Rest…).</summary>
    public double[] CallTuple(string typeName, string name, params object[] args) => Flatten(Call(typeName, name, args));

    public double CallDouble(string typeName, string name, params object[] args) =>
        System.Convert.ToDouble(Call(typeName, name, args), CultureInfo.InvariantCulture);

    public object? GetProperty(string typeName, string name)
    {
        var property = Type(typeName).GetProperty(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"No static property '{typeName}.{name}'.\n\n{Run.DescribeSources()}");
        return Invoke(property.GetMethod!, null, []);
    }

    /// <summary>Calls an instance method on an object by name (used for Tutor.Derivation, Tutor.Trace).</summary>
    public static object? CallInstance(object target, string name, params object[] args)
    {
        var method = target.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Single(m => m.Name == name && m.GetParameters().Length == args.Length);
        return Invoke(method, target, args);
    }

    /// <summary>The tuple element names a method's return type declares (e.g. Value, dx, dy), or empty.</summary>
    public IReadOnlyList<string?> TupleNames(string typeName, string name) =>
        Method(typeName, name).ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()?.TransformNames.ToList() ?? [];

    public static double[] Flatten(object? tuple)
    {
        if (tuple is null) throw new InvalidOperationException("Expected a tuple, got null.");
        var type = tuple.GetType();
        if (!type.IsGenericType || !type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
            return [System.Convert.ToDouble(tuple, CultureInfo.InvariantCulture)];
        var values = new List<double>();
        for (int i = 1; i <= 7; i++)
        {
            var field = type.GetField("Item" + i);
            if (field is null) break;
            values.Add(System.Convert.ToDouble(field.GetValue(tuple), CultureInfo.InvariantCulture));
        }
        if (type.GetField("Rest") is { } rest) values.AddRange(Flatten(rest.GetValue(tuple)));
        return [.. values];
    }

    static object Convert(object arg, Type type) =>
        type.IsInstanceOfType(arg) ? arg : System.Convert.ChangeType(arg, type, CultureInfo.InvariantCulture);

    static object? Invoke(MethodInfo method, object? target, object?[] args)
    {
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
