package fr.ent.portal.view.error;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/**
 * The one place where a page's failures become what a person sees ({@link PageExceptionHandler}); inside it, an
 * expired view becomes the same page again with a notice ({@link ViewExpiredRedirect}).
 */
public class PageExceptionHandlerFactory extends ExceptionHandlerFactory {

    public PageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new PageExceptionHandler(new ViewExpiredRedirect(getWrapped().getExceptionHandler()));
    }
}
