# The AWS documentation's Node.js example for an alternative base image with the runtime
# interface client (nodejs-image.html), on the Node.js 22 images the e2e set-up provides.
# aws-lambda-ric is pinned to 3.3.0: the 4.x releases ignore the handler argument this
# ENTRYPOINT passes and read _HANDLER instead, so the example fails with them. node-gyp would
# download Node's headers for the client's native part, which cannot be reached here: it is
# pointed at the headers the Node.js image already holds (the one line the page does not have).
ARG FUNCTION_DIR="/function"

FROM node:22-bookworm AS build-image
ARG FUNCTION_DIR
ENV npm_config_nodedir=/usr/local
RUN apt-get update && apt-get install -y g++ make cmake unzip libcurl4-openssl-dev autoconf automake libtool python3
RUN mkdir -p ${FUNCTION_DIR}
COPY . ${FUNCTION_DIR}
WORKDIR ${FUNCTION_DIR}
RUN npm install
RUN npm install aws-lambda-ric@3.3.0

FROM node:22-bookworm-slim
ENV NPM_CONFIG_CACHE=/tmp/.npm
ARG FUNCTION_DIR
WORKDIR ${FUNCTION_DIR}
COPY --from=build-image ${FUNCTION_DIR} ${FUNCTION_DIR}
ENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]
CMD ["index.handler"]
