# The AWS documentation's Python example for an alternative base image with the runtime
# interface client (python-image.html), on the Python 3.13 images the set-up provides; the
# client is pinned to the catalogued awslambdaric 4.2.2.
ARG FUNCTION_DIR="/function"

FROM python:3.13-bookworm AS build-image
ARG FUNCTION_DIR
RUN mkdir -p ${FUNCTION_DIR}
COPY . ${FUNCTION_DIR}
RUN pip install --target ${FUNCTION_DIR} -r ${FUNCTION_DIR}/requirements.txt awslambdaric==4.2.2

FROM python:3.13-slim-bookworm
ARG FUNCTION_DIR
WORKDIR ${FUNCTION_DIR}
COPY --from=build-image ${FUNCTION_DIR} ${FUNCTION_DIR}
ENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]
CMD ["lambda_function.handler"]
