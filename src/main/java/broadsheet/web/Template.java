package broadsheet.web;

import gg.jte.html.HtmlInterceptor;
import gg.jte.html.HtmlTemplateOutput;

/**
 * One precompiled jte template that shows a view of type {@code V}: a reference to the {@code render} method
 * that the jte Maven plugin generates for it, such as {@code JtepageGenerated::render} for {@code article/page.jte}
 * (class {@code Jte<name without dashes>Generated} in package {@code gg.jte.generated.precompiled.<folder>}).
 * Each page class names its templates once as constants of this type, so a view that no longer fits its
 * template is a compile error rather than a failed request; {@link Pages} renders them.
 */
@FunctionalInterface
public interface Template<V> {
    void render(HtmlTemplateOutput output, HtmlInterceptor interceptor, V view);
}
