namespace Tutor.Generator.Tests.Harness;

/// <summary>Wraps [Differentiable] members in the file a student would write.</summary>
public static class StudentSource
{
    public static string Class(string members, string type = "Formulas") => $$"""
        using System;
        using Tutor;

        namespace Demo;

        public static partial class {{type}}
        {
        {{members}}
        }
        """;
}
