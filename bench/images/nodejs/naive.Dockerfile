# One stage: the build tools, the npm cache and the sources all stay in the image.
FROM node:22-bookworm
# node-gyp's download of Node's headers cannot be reached here: the image's own are used.
ENV npm_config_nodedir=/usr/local
RUN apt-get update && apt-get install -y g++ make cmake python3 xz-utils
WORKDIR /var/task
COPY . ./
RUN npm install && npm install aws-lambda-ric@4.0.2
ENV LAMBDA_TASK_ROOT=/var/task
ENTRYPOINT ["/bin/sh", "-c", "_HANDLER=\"$1\" exec node /var/task/node_modules/aws-lambda-ric/index.mjs", "entry"]
CMD ["index.handler"]
