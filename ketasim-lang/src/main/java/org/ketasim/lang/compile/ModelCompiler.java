package org.ketasim.lang.compile;

import java.io.IOException;
import java.io.StringReader;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.ketasim.lang.ModelEquations;
import org.ketasim.lang.check.CheckedModel;

/** Compiles the source from {@link JavaGenerator} to bytecode with Janino and instantiates it. */
public final class ModelCompiler {

    private ModelCompiler() {
    }

    /**
     * @param m      the checked model
     * @param source its generated source ({@link JavaGenerator#generate})
     * @return a new instance of the compiled class
     * @throws IllegalStateException if the generated source does not compile (a bug in KetaSim, not in the model)
     */
    public static ModelEquations compile(CheckedModel m, String source) {
        String fqcn = JavaGenerator.PACKAGE + "." + JavaGenerator.className(m);
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(ModelEquations.class.getClassLoader());
            compiler.cook(JavaGenerator.className(m) + ".java", new StringReader(source));
            Class<?> cls = compiler.getClassLoader().loadClass(fqcn);
            return (ModelEquations) cls.getDeclaredConstructor().newInstance();
        } catch (CompileException | IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("internal error: the Java generated for model '" + m.name()
                    + "' does not compile (" + e.getMessage() + "); please report it with the model", e);
        }
    }
}
